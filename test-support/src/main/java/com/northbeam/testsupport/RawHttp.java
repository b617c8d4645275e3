package com.northbeam.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for hostile requests that well-behaved clients refuse to
 * send: any bytes in the request target, any header (Host included, oversized, with
 * junk), any body under any content type. One request per connection.
 */
public final class RawHttp {

	/** A response; header names in lower case, the body de-chunked. */
	public record Response(int status, Map<String, String> headers, byte[] body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

	}

	private RawHttp() {
	}

	/**
	 * Sends {@code method target} to the server of {@code base}; {@code Host},
	 * {@code Content-Length} (with a body) and {@code Connection: close} are added unless
	 * {@code headers} names them.
	 */
	public static Response send(URI base, String method, byte[] target, Map<String, String> headers, byte[] body) {
		Map<String, String> all = new LinkedHashMap<>();
		boolean hasHost = headers.keySet().stream().anyMatch("host"::equalsIgnoreCase);
		if (!hasHost) {
			all.put("Host", base.getHost() + ":" + base.getPort());
		}
		all.putAll(headers);
		if (body != null && headers.keySet().stream().noneMatch("content-length"::equalsIgnoreCase)) {
			all.put("Content-Length", String.valueOf(body.length));
		}
		all.put("Connection", "close");
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			request.write((method + " ").getBytes(StandardCharsets.ISO_8859_1));
			request.write(target);
			request.write(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
			for (Map.Entry<String, String> header : all.entrySet()) {
				request.write((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			request.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				request.write(body);
			}
			try {
				out.write(request.toByteArray());
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer and close before reading a huge request: read
				// what it
				// said.
			}
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"No answer to " + method + " "
							+ new String(target, StandardCharsets.UTF_8).substring(0, Math.min(200, target.length)),
					ex);
		}
	}

	public static Response send(URI base, String method, String target, Map<String, String> headers, byte[] body) {
		return send(base, method, target.getBytes(StandardCharsets.UTF_8), headers, body);
	}

	private static Response read(InputStream in) throws IOException {
		byte[] all = in.readAllBytes();
		int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		if (end < 0) {
			throw new IOException("No complete response head in " + all.length + " bytes");
		}
		String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
			}
		}
		byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Response(status, headers, body);
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
			if (lineEnd < 0) {
				break;
			}
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
			at = lineEnd + 2 + length + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		return indexOf(data, 0, pattern);
	}

	private static int indexOf(byte[] data, int from, byte[] pattern) {
		outer: for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
