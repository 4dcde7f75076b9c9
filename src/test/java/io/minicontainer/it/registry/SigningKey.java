package io.minicontainer.it.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An RSA key and a self-signed certificate for signing registry tokens, made by the JDK's own
 * keytool (no library for X.509 generation needed). The certificate is the registry's whole
 * {@code rootcertbundle}; tokens carry it in their {@code x5c} header.
 */
record SigningKey(PrivateKey privateKey, X509Certificate certificate, Path certificatePem) {
    private static final String ALIAS = "token";
    private static final char[] STORE_PASSWORD = "minicontainer-test".toCharArray();

    private static SigningKey cached;

    /**
     * The key and certificate, with the certificate's PEM written to {@code dir}. keytool takes
     * two seconds or more (a JVM start and an RSA key), so one key serves every token server of a
     * test run; each still gets its own PEM file.
     */
    static synchronized SigningKey generate(Path dir) throws IOException {
        if (cached == null) {
            cached = runKeytool(dir);
        }
        Path pem = dir.resolve("token-cert.pem");
        try {
            Files.writeString(pem, pem(cached.certificate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        return new SigningKey(cached.privateKey(), cached.certificate(), pem);
    }

    private static SigningKey runKeytool(Path dir) throws IOException {
        Path store = dir.resolve("token-key.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        ManagedProcess.run(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                "-sigalg", "SHA256withRSA", "-dname", "CN=minicontainer-test", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD)), dir, Map.of(), 60);
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, STORE_PASSWORD);
            PrivateKey key = (PrivateKey) keyStore.getKey(ALIAS, STORE_PASSWORD);
            X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
            return new SigningKey(key, certificate, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key keytool made", e);
        } finally {
            Files.deleteIfExists(store);
        }
    }

    /** The certificate as base64 DER, the form of an {@code x5c} entry (standard base64, not URL-safe). */
    String x5c() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
