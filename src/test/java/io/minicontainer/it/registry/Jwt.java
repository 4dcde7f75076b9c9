package io.minicontainer.it.registry;

import io.minicontainer.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RS256 JSON web tokens as the distribution registry verifies them: compact form, x5c header. */
final class Jwt {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {}

    static String sign(SigningKey key, Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("x5c", List.of(key.x5c()));
        String signingInput = part(header) + "." + part(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The claims of a token, decoded without checking the signature: for tests' assertions. */
    static Object claims(String token) {
        String[] parts = token.split("\\.");
        return Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static String part(Map<String, Object> json) {
        return URL.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }
}
