package com.northbeam.content.system;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests Tomcat refuses before the application sees them (a request target it cannot
 * decode, an encoded slash, headers over the size limit), and those Spring Security's
 * firewall refuses, are answered as {@code application/problem+json} like every other
 * refusal of this API, instead of Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
class ServerRefusals {

	/**
	 * Spring Security's firewall (encoded dots, slashes, semicolons) refuses the same
	 * way.
	 */
	@Bean
	RequestRejectedHandler problemForRejectedRequests() {
		return (request, response, rejected) -> {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write(problem(HttpStatus.BAD_REQUEST.value(), HttpStatus.BAD_REQUEST.getReasonPhrase()));
		};
	}

	static String problem(int status, String title) {
		return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
				+ ",\"detail\":\"The server refused the request before reading it.\"}";
	}

	@Bean
	ProblemReports problemReports() {
		return new ProblemReports();
	}

	/** Runs after Spring Boot's own customizer, which adds Tomcat's HTML valve. */
	static final class ProblemReports
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					// The host adds its default valve unless one of this class name is
					// there.
					host.setErrorReportValveClass(ProblemReportValve.class.getName());
				}
				for (Valve valve : context.getParent().getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						context.getParent().getPipeline().removeValve(valve);
					}
				}
				context.getParent().getPipeline().addValve(new ProblemReportValve());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	static final class ProblemReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0) {
				return;
			}
			HttpStatus known = HttpStatus.resolve(status);
			String title = (known != null) ? known.getReasonPhrase() : "Error";
			try {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(problem(status, title));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone or the response was taken over: nothing left to say.
			}
		}

	}

}
