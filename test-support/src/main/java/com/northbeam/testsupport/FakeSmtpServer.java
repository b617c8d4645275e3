package com.northbeam.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small real SMTP server on a random loopback port that can be told to refuse mail, for
 * testing a sender against a mail server that answers with an error and later recovers.
 * While {@link #refuse refusing}, it answers the given reply (a 4xx or 5xx line) to
 * {@code MAIL FROM} or at the end of {@code DATA}, and keeps nothing; while healthy it
 * keeps every message it accepts. No TLS, no authentication, no pipelining: enough for
 * JavaMail's plain SMTP.
 */
public final class FakeSmtpServer implements AutoCloseable {

	/** Where a refusal is answered. */
	public enum Stage {

		/** To {@code MAIL FROM}, before the message is sent. */
		MAIL,

		/** At the end of {@code DATA}, after the whole message was sent. */
		DATA

	}

	private record Refusal(Stage stage, String reply) {
	}

	private final ServerSocket socket;

	private final ExecutorService connections = Executors.newCachedThreadPool();

	private final List<String> messages = new CopyOnWriteArrayList<>();

	private final List<String> refused = new CopyOnWriteArrayList<>();

	private volatile Refusal refusal;

	public FakeSmtpServer() {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::acceptConnections, "fake-smtp-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	/**
	 * From now on answers {@code reply} (such as {@code "554 5.7.1 refused"}) at
	 * {@code stage}.
	 */
	public FakeSmtpServer refuse(Stage stage, String reply) {
		this.refusal = new Refusal(stage, reply);
		return this;
	}

	/** From now on accepts every message. */
	public FakeSmtpServer accept() {
		this.refusal = null;
		return this;
	}

	/** The messages accepted, each as sent (headers, blank line, body). */
	public List<String> messages() {
		return List.copyOf(this.messages);
	}

	/** The refusals answered, each as the reply line sent. */
	public List<String> refusals() {
		return List.copyOf(this.refused);
	}

	private void acceptConnections() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				this.connections.execute(() -> converse(connection));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void converse(Socket connection) {
		try (connection;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
				OutputStream out = connection.getOutputStream()) {
			reply(out, "220 fake-smtp ready");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(Locale.ROOT);
				Refusal now = this.refusal;
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 fake-smtp");
				}
				else if (command.startsWith("MAIL FROM") && now != null && now.stage() == Stage.MAIL) {
					refused(out, now.reply());
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 end with <CRLF>.<CRLF>");
					String message = readData(in);
					Refusal atEnd = this.refusal;
					if (atEnd != null && atEnd.stage() == Stage.DATA) {
						refused(out, atEnd.reply());
					}
					else {
						this.messages.add(message);
						reply(out, "250 2.0.0 queued");
					}
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					// MAIL FROM, RCPT TO, RSET, NOOP
					reply(out, "250 ok");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private void refused(OutputStream out, String reply) throws IOException {
		this.refused.add(reply);
		reply(out, reply);
	}

	private static String readData(BufferedReader in) throws IOException {
		StringBuilder message = new StringBuilder();
		String line;
		while ((line = in.readLine()) != null && !line.equals(".")) {
			message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
		}
		return message.toString();
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.connections.shutdownNow();
	}

}
