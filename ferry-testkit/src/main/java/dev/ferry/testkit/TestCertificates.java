package dev.ferry.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway self-signed certificates for a TLS broker and its client, made with the JDK's keytool
 * so tests need nothing else; valid for two days and for localhost only.
 */
public record TestCertificates(
        Path brokerKeyStore,
        Path brokerCertificate,
        Map<String, Path> clientKeyStores,
        Path brokerTrusts,
        String password) {

    /** Visibly a test value: it protects key stores that live in a test's target directory. */
    private static final String PASSWORD = "FAKE-ferry-test-store";

    /**
     * Creates the broker's key pair and one per client under {@code dir}; a client's certificate
     * subject is {@code CN=<name>}, so its Kafka principal is {@code User:CN=<name>}.
     */
    public static TestCertificates create(Path dir, List<String> clients) {
        try {
            Files.createDirectories(dir);
            Path broker = keyPair(dir, "broker", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
            Path brokerPem = exportCertificate(dir, broker, "broker");
            // the broker trusts its own certificate (it is its own inter-broker client) and each client's
            StringBuilder trusted = new StringBuilder(Files.readString(brokerPem, StandardCharsets.US_ASCII));
            Map<String, Path> stores = new LinkedHashMap<>();
            for (String client : clients) {
                Path store = keyPair(dir, client, "CN=" + client, null);
                trusted.append(Files.readString(exportCertificate(dir, store, client), StandardCharsets.US_ASCII));
                stores.put(client, store);
            }
            Path trusts = dir.resolve("broker-trusts.pem");
            Files.writeString(trusts, trusted, StandardCharsets.US_ASCII);
            return new TestCertificates(broker, brokerPem, Map.copyOf(stores), trusts, PASSWORD);
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
