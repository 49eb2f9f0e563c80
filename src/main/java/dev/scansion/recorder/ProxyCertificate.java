package dev.scansion.recorder;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The certificate the proxy shows its clients after STARTTLS: generated at start, self-signed for
 * one domain (an EC P-256 key made by the JDK's own {@code keytool}, so nothing else need be
 * installed), or given as PEM files ({@code --listen-cert}, {@code --listen-key}). The certificate
 * is also written as PEM, for clients to trust ({@code scansion run --trust-cert}).
 */
public final class ProxyCertificate {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final String ALIAS = "scansion-record";

    private final SSLContext context;
    private final Path certificateFile;

    private ProxyCertificate(SSLContext context, Path certificateFile) {
        this.context = context;
        this.certificateFile = certificateFile;
    }

    /** The PEM file holding the certificate clients see. */
    public Path certificateFile() {
        return certificateFile;
    }

    /**
     * Makes a self-signed certificate for {@code domain} in {@code dir} ({@code proxy.p12},
     * {@code proxy.crt}), bounded by {@code bound}.
     *
     * @throws IOException with a one-line reason
     */
    public static ProxyCertificate generate(String domain, Path dir, Duration bound) throws IOException {
        if (!DOMAIN.matcher(domain).matches()) throw new IOException("not a domain name: '" + domain + "'");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException("cannot make a certificate: no keytool in " + keytool.getParent()
                    + " (give --listen-cert, or --listen-tls off)");
        }
        char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12)).toCharArray();
        Path store = dir.resolve("proxy.p12");
        run(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-dname", "CN=" + domain, "-ext", "SAN=dns:" + domain,
                "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(password), "-keypass", new String(password)), dir, bound);
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            Path pem = dir.resolve("proxy.crt");
            Files.writeString(pem, pem(ks.getCertificate(ALIAS)), StandardCharsets.US_ASCII);
            return new ProxyCertificate(context(ks, password), pem);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificate keytool made: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a PEM certificate chain and its unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY};
     * both may be in one file).
     *
     * @throws IOException with a one-line reason naming the file
     */
    public static ProxyCertificate load(Path certFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (String[] block : blocks(certFile)) {
                if (block[0].equals("CERTIFICATE")) {
                    chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(decode(block, certFile))));
                }
            }
            for (String[] block : blocks(keyFile)) {
                if (block[0].equals("PRIVATE KEY")) key = privateKey(decode(block, keyFile), keyFile);
                else if (block[0].endsWith("PRIVATE KEY")) {
                    throw new IOException(keyFile + ": a " + block[0] + " block; give an unencrypted PKCS#8 key "
                            + "(BEGIN PRIVATE KEY), e.g. openssl pkcs8 -topk8 -nocrypt -in KEY");
                }
            }
            if (chain.isEmpty()) throw new IOException(certFile + ": no PEM certificate (BEGIN CERTIFICATE)");
            if (key == null) throw new IOException(keyFile + ": no PEM private key (BEGIN PRIVATE KEY)");
            char[] password = new char[0];
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, password);
            ks.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
            return new ProxyCertificate(context(ks, password), certFile);
        } catch (GeneralSecurityException e) {
            throw new IOException(certFile + ": " + e.getMessage(), e);
        }
    }

    /** The client's socket as the server side of TLS; the handshake happens on first use. */
    SSLSocket wrap(Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        tls.setUseClientMode(false);
        return tls;
    }

    private static SSLContext context(KeyStore ks, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static PrivateKey privateKey(byte[] der, Path file) throws IOException {
        for (String algorithm : List.of("EC", "RSA", "Ed25519", "EdDSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException(file + ": a private key of an unknown kind (EC, RSA and Ed25519 are read)");
    }

    private static List<String[]> blocks(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String[]> blocks = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) blocks.add(new String[]{m.group(1), m.group(2)});
        return blocks;
    }

    private static byte[] decode(String[] block, Path file) throws IOException {
        try {
            return Base64.getMimeDecoder().decode(block[1]);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": a malformed " + block[0] + " block");
        }
    }

    private static String pem(Certificate cert) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static void run(List<String> command, Path dir, Duration bound) throws IOException {
        Path log = dir.resolve("keytool.log");
        Process p = new ProcessBuilder(command).redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool did not make a certificate within " + bound.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a certificate");
        }
        if (p.exitValue() != 0) {
            throw new IOException("keytool could not make a certificate: "
                    + Files.readString(log, StandardCharsets.UTF_8).strip().lines().findFirst().orElse(""));
        }
        Files.deleteIfExists(log);
    }
}
