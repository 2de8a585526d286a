package org.crmbackoffice.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One service running as a child process of this JVM, on the same Java runtime, with its
 * output passed line by line to a consumer.
 */
public final class ServiceProcess {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Process process;

	private ServiceProcess(String name, int port, Process process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/**
	 * Starts {@code java -jar jar} with the given Spring Boot properties as command-line
	 * arguments.
	 * @param properties e.g. {@code server.port=8082}
	 */
	public static ServiceProcess start(String name, Path jar, int port, List<String> properties,
			Consumer<String> output) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(name + " is not built: " + jar + " is missing. Run "
					+ "./mvnw -pl local-stack -am package -DskipTests first.");
		}
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString()));
		command.add("--server.port=" + port);
		properties.forEach((property) -> command.add("--" + property));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			Thread pump = new Thread(() -> forwardLines(process, output), name + "-output");
			pump.setDaemon(true);
			pump.start();
			return new ServiceProcess(name, port, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	public String name() {
		return this.name;
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Waits until the service reports itself UP on its health endpoint. */
	public void awaitHealthy(Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " stopped during start-up with exit code "
						+ this.process.exitValue() + "; its output above says why (is port " + this.port + " in use?)");
			}
			try {
				HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(this.name + " did not report UP within " + timeout.toSeconds() + " s");
	}

	/**
	 * Asks the service to shut down gracefully, as Ctrl-C would, and kills it (with
	 * anything it started) if it has not stopped within the grace period.
	 */
	public void stop(Duration grace) {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Ends the process at once, as a crash or {@code kill -9} would: nothing it holds in
	 * memory is written.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " did not end after SIGKILL");
		}
	}

	/**
	 * Waits for the process to end on its own, as a one-off task (a migration) does.
	 * @return its exit code
	 */
	public int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(this.name + " did not end within " + timeout.toSeconds() + " s");
		}
		return this.process.exitValue();
	}

	private static void forwardLines(Process process, Consumer<String> output) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				output.accept(line);
			}
		}
		catch (IOException ex) {
			// The process went away; its exit code tells the rest.
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

}
