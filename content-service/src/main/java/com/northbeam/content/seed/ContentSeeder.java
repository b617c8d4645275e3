package com.northbeam.content.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.northbeam.content.article.ArticleEditing;
import com.northbeam.content.article.ArticleForm;
import com.northbeam.content.article.ArticleTransition;
import com.northbeam.content.article.EditorArticle;
import com.northbeam.content.article.Kind;
import com.northbeam.content.article.RelatedForm;
import com.northbeam.content.article.RelatedLinks;
import com.northbeam.content.faq.FaqForm;
import com.northbeam.content.faq.Faqs;
import com.northbeam.content.system.ConflictException;
import com.northbeam.content.system.ContentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts the shipped content (the guide, the related articles, the FAQs) on start,
 * published.
 * <p>
 * Each file is inserted at most once, ever: a {@code content_seed} row per article slug
 * or FAQ file records that it was seeded (with the hash of what was shipped), so a
 * restart or an upgrade inserts only what was never seeded and never touches what an
 * editor has changed, renamed or unpublished. Replicas starting together race on that
 * row's primary key; the loser skips.
 */
@Component
class ContentSeeder implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ContentSeeder.class);

	static final String EDITOR = "seed";

	private final ArticleEditing articles;

	private final RelatedLinks relatedLinks;

	private final Faqs faqs;

	private final SeedRepository seeds;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ContentProperties.Seed settings;

	ContentSeeder(ArticleEditing articles, RelatedLinks relatedLinks, Faqs faqs, SeedRepository seeds,
			TransactionTemplate transaction, Clock clock, ContentProperties properties) {
		this.articles = articles;
		this.relatedLinks = relatedLinks;
		this.faqs = faqs;
		this.seeds = seeds;
		this.transaction = transaction;
		this.clock = clock;
		this.settings = properties.seed();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (settings.enabled()) {
			int inserted = seed();
			logger.info("Seeded {} new piece(s) of shipped content", inserted);
		}
	}

	/** Inserts what was never seeded; answers how many pieces were inserted. */
	int seed() {
		List<SeedFile> articleFiles = load("articles");
		List<SeedFile> faqFiles = load("faqs");
		List<EditorArticle> inserted = new ArrayList<>();
		List<SeedFile> insertedFiles = new ArrayList<>();
		for (SeedFile file : articleFiles) {
			EditorArticle article = once("article:" + file.required("slug"), file, () -> insertArticle(file));
			if (article != null) {
				inserted.add(article);
				insertedFiles.add(file);
			}
		}
		for (int i = 0; i < inserted.size(); i++) {
			List<String> related = insertedFiles.get(i).list("related");
			if (!related.isEmpty()) {
				long id = inserted.get(i).id();
				transaction.executeWithoutResult((status) -> relatedLinks.replace(id, new RelatedForm(related)));
			}
		}
		int faqCount = 0;
		for (SeedFile file : faqFiles) {
			String key = "faq:" + file.name().replaceFirst("\\.md$", "");
			if (once(key, file, () -> faqs.create(new FaqForm(file.required("question"), file.body(),
					Integer.valueOf(file.required("position")), file.optional("article"), null))) != null) {
				faqCount++;
			}
		}
		return inserted.size() + faqCount;
	}

	private EditorArticle insertArticle(SeedFile file) {
		ArticleForm form = new ArticleForm(file.required("slug"), Kind.fromCode(file.required("kind")),
				file.required("title"), file.required("summary"), file.body(), file.list("tags"), settings.author(),
				file.optional("seoTitle"), file.optional("seoDescription"), null);
		EditorArticle draft = articles.create(form, EDITOR);
		return articles.publish(draft.id(), new ArticleTransition(draft.version(), null), EDITOR);
	}

	/**
	 * Runs {@code insert} in a transaction unless {@code key} was ever seeded; null when
	 * skipped.
	 */
	private <T> T once(String key, SeedFile file, java.util.function.Supplier<T> insert) {
		try {
			return transaction.execute((status) -> {
				if (seeds.wasSeeded(key)) {
					return null;
				}
				seeds.record(key, file.hash(), clock.instant());
				return insert.get();
			});
		}
		catch (DuplicateKeyException ex) {
			logger.info("{} was seeded concurrently by another instance", key);
			return null;
		}
		catch (ConflictException ex) {
			logger.warn("Shipped {} was not inserted: {}", key, ex.getMessage());
			return null;
		}
	}

	private List<SeedFile> load(String folder) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources(settings.location() + "/" + folder + "/*.md");
			return Arrays.stream(resources)
				.sorted(Comparator.comparing(Resource::getFilename))
				.map(ContentSeeder::read)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SeedFile read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return SeedFile.parse(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
