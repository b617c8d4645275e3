package com.northbeam.gateway.system;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Runs Flyway's migrations on a thread of their own while the rest of the application
 * context is built, instead of holding up the start until they are done: on a new
 * database they are a good part of the gateway's start. Nothing reads or writes the
 * database while the context is built (repositories only query when called), and every
 * first use comes later: this bean is the first to start ({@link #getPhase()}), before
 * the web server, the management server and the scheduled tasks, and it waits there until
 * the migrations are done. A failed migration fails the start, as before, only a little
 * later. When the start fails for another reason meanwhile, the context closes only once
 * the migration has finished: this bean is destroyed before the data source it uses
 * ({@link DependsOn}).
 */
@Component
@DependsOn("dataSource")
class BackgroundMigration implements FlywayMigrationStrategy, SmartLifecycle, DisposableBean {

	private volatile CompletableFuture<Void> migration = CompletableFuture.completedFuture(null);

	private volatile boolean running;

	@Override
	public void migrate(Flyway flyway) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				flyway.migrate();
				done.complete(null);
			}
			catch (Throwable ex) {
				done.completeExceptionally(ex);
			}
		}, "flyway-migration");
		thread.setDaemon(true);
		this.migration = done;
		thread.start();
	}

	@Override
	public void start() {
		try {
			this.migration.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return Integer.MIN_VALUE;
	}

	@Override
	public void destroy() {
		this.migration.handle((result, failure) -> null).join();
	}

}
