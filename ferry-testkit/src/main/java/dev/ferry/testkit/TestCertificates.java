package dev.ferry.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway self-signed certificates for a TLS broker and its client, made with the JDK's keytool
 * so tests need nothing else; valid for two days and for localhost only.
 */
public record TestCertificates(
        Path brokerKeyStore, Path brokerCertificate, Path clientKeyStore, Path brokerTrusts, String password) {

    /** Visibly a test value: it protects key stores that live in a test's target directory. */
    private static final String PASSWORD = "FAKE-ferry-test-store";

    /** Creates both key pairs under {@code dir}. */
    public static TestCertificates create(Path dir) {
        try {
            Files.createDirectories(dir);
            Path broker = keyPair(dir, "broker", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
            Path client = keyPair(dir, "client", "CN=ferry-test-client", null);
            Path brokerPem = exportCertificate(dir, broker, "broker");
            Path clientPem = exportCertificate(dir, client, "client");
            // the broker trusts its own certificate (it is its own inter-broker client) and the client's
            Path trusts = dir.resolve("broker-trusts.pem");
            Files.writeString(
                    trusts,
                    Files.readString(brokerPem, StandardCharsets.US_ASCII)
                            + Files.readString(clientPem, StandardCharsets.US_ASCII),
                    StandardCharsets.US_ASCII);
            return new TestCertificates(broker, brokerPem, client, trusts, PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write test certificates under " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path keyPair(Path dir, String alias, String subject, String extension) {
        Path store = dir.resolve(alias + ".p12");
        List<String> args = new ArrayList<>(List.of(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                subject,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
        if (extension != null) {
            args.add("-ext");
            args.add(extension);
        }
        keytool(args);
        return store;
    }

    private static Path exportCertificate(Path dir, Path store, String alias) {
        Path pem = dir.resolve(alias + ".pem");
        keytool(List.of(
                "-exportcert",
                "-rfc",
                "-alias",
                alias,
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                pem.toString()));
        return pem;
    }

    private static void keytool(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run the JDK's keytool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }
}
