package io.minicontainer.image.archive;

import io.minicontainer.image.layer.Compression;
import io.minicontainer.json.JsonException;
import io.minicontainer.oci.Digest;
import io.minicontainer.oci.ImageSpec.Descriptor;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * An image archive read completely into a scratch directory, because its entries may come in any
 * order: every regular file is stored under a number (never under its own name) and hashed,
 * links are kept as names pointing to names, and directories are only implied. Names and link
 * targets must stay inside the archive; a file named {@code blobs/sha256/HEX} must have that digest.
 */
final class SpooledArchive {
    static final long MAX_DOCUMENT = 16 << 20;
    private static final Pattern BLOB_NAME = Pattern.compile("blobs/sha256/([0-9a-f]{64})");
    private static final int MAX_LINK_HOPS = 40;

    private final Path dir;
    private final Map<String, SpooledFile> files = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private int nextNumber;

    private SpooledArchive(Path dir) {
        this.dir = dir;
    }

    /** Reads a tar, or a gzip- or zstd-compressed tar, into {@code dir} (an empty directory). */
    static SpooledArchive read(InputStream archive, Path dir) throws IOException {
        SpooledArchive spooled = new SpooledArchive(dir);
        InputStream plain = decompressed(archive);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(plain, StandardCharsets.UTF_8.name())) {
            for (TarArchiveEntry entry = nextEntry(tar); entry != null; entry = nextEntry(tar)) {
                spooled.add(tar, entry);
            }
            // to the end: only there does gzip check its CRC, which covers files no digest covers
            plain.transferTo(OutputStream.nullOutputStream());
        } catch (EOFException e) {
            throw new IOException("the archive is truncated (" + e.getMessage() + ")", e);
        } catch (ZipException e) {
            throw new IOException("the archive's gzip stream is corrupt (" + e.getMessage() + ")", e);
        }
        if (spooled.files.isEmpty()) {
            throw new IOException("the input is not an image archive: it holds no files");
        }
        spooled.checkBlobNames();
        return spooled;
    }

    /** The file at {@code name}, through links; empty when the archive has none. */
    Optional<SpooledFile> find(String name) throws IOException {
        String current = name;
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            SpooledFile file = files.get(current);
            if (file != null) {
                return Optional.of(file);
            }
            current = links.get(current);
            if (current == null) {
                return Optional.empty();
            }
        }
        throw new IOException("archive link \"" + name + "\" is part of a loop");
    }

    boolean has(String name) throws IOException {
        return find(name).isPresent();
    }

    /** The file a document names, which must be there. */
    SpooledFile file(String name, String namedBy) throws IOException {
        return find(ArchivePaths.documentPath(name, namedBy))
                .orElseThrow(() -> new IOException(namedBy + " names " + name + ", which the archive lacks"));
    }

    /** The blob a descriptor points to, checked against its size (its digest was checked when read). */
    SpooledFile blob(Descriptor descriptor, String what) throws IOException {
        SpooledFile file = find("blobs/sha256/" + descriptor.digest().hex()).orElseThrow(() ->
                new IOException("the archive lacks the " + what + " blob " + descriptor.digest()));
        if (descriptor.size() >= 0 && descriptor.size() != file.size()) {
            throw new IOException("the " + what + " blob " + descriptor.digest() + " has " + file.size()
                    + " bytes, its descriptor says " + descriptor.size());
        }
        return file;
    }

    /** The bytes of a small file: a JSON document, never a layer. */
    static byte[] read(SpooledFile file) throws IOException {
        if (file.size() > MAX_DOCUMENT) {
            throw new IOException(file.name() + " in the archive is too large for a document (" + file.size() + " bytes)");
        }
        return Files.readAllBytes(file.path());
    }

    /** A small file parsed as a JSON document; what is wrong with it names the file. */
    static <T> T parse(SpooledFile file, Function<byte[], T> parser) throws IOException {
        byte[] document = read(file);
        try {
            return parser.apply(document);
        } catch (JsonException | IllegalArgumentException e) {
            String message = e.getMessage().startsWith(file.name()) ? e.getMessage() : file.name() + ": " + e.getMessage();
            throw new IOException(message, e);
        }
    }

    private void add(TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
        if (entry.isGlobalPaxHeader() || entry.isDirectory()) {
            return;
        }
        String name = ArchivePaths.entryName(entry.getName());
        // as in tar, a later entry of a name replaces the earlier one
        if (entry.isSymbolicLink()) {
            files.remove(name);
            links.put(name, ArchivePaths.symlinkTarget(name, entry.getLinkName()));
        } else if (entry.isLink()) {
            files.remove(name);
            links.put(name, ArchivePaths.hardLinkTarget(name, entry.getLinkName()));
        } else if (isRegularFile(entry)) {
            links.remove(name);
            files.put(name, spool(tar, entry, name));
        } else {
            throw new IOException("archive entry \"" + name + "\" is neither a file, a directory nor a link");
        }
    }

    private SpooledFile spool(TarArchiveInputStream tar, TarArchiveEntry entry, String name) throws IOException {
        Path target = dir.resolve(Integer.toString(nextNumber++));
        MessageDigest sha256 = Digest.sha256();
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), sha256)) {
            for (int n = readEntry(tar, buffer, name); n >= 0; n = readEntry(tar, buffer, name)) {
                out.write(buffer, 0, n);
                copied += n;
            }
        }
        if (copied != entry.getSize()) {
            throw new IOException("the archive is truncated: " + name + " ends after " + copied + " of its "
                    + entry.getSize() + " bytes");
        }
        return new SpooledFile(name, target, Digest.of(sha256), copied);
    }

    /** commons-compress's isFile() also says yes to fifos and devices. */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte type = entry.getLinkFlag();
        return type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM || type == TarConstants.LF_CONTIG;
    }

    /** Reading fails only on a broken archive (writing the copy may fail for other reasons). */
    private static int readEntry(TarArchiveInputStream tar, byte[] buffer, String name) throws IOException {
        try {
            return tar.read(buffer, 0, buffer.length);
        } catch (ZipException e) {
            throw new IOException("the archive's gzip stream is corrupt in " + name + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            // commons-compress reports an entry cut short as a plain IOException "Truncated TAR archive"
            boolean truncated = e instanceof EOFException || String.valueOf(e.getMessage()).startsWith("Truncated");
            throw new IOException("the archive is " + (truncated ? "truncated" : "corrupt") + " in " + name
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private void checkBlobNames() throws IOException {
        for (SpooledFile file : files.values()) {
            Matcher blob = BLOB_NAME.matcher(file.name());
            if (blob.matches() && !blob.group(1).equals(file.digest().hex())) {
                throw new IOException("archive entry " + file.name() + " is corrupt: its content has digest "
                        + file.digest());
            }
        }
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (EOFException | ZipException e) {
            throw e; // a truncated or corrupt compressed stream, told as such by read()
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("the input is not a tar archive, or a corrupt one: " + e.getMessage(), e);
        }
    }

    /** {@code docker save | gzip} is common: a compressed archive is recognized by its first bytes. */
    private static InputStream decompressed(InputStream archive) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(archive, 1 << 16);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (magic.length == 0) {
            throw new IOException("the input is empty");
        }
        return Compression.sniff(magic).decompress(buffered);
    }
}
