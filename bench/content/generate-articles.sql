-- 1,000 published articles of about 300 words each, with tags. Each article is about a topic: its
-- words come from a window of 8 of the 40 vocabulary words, so a two-word query matches a few
-- dozen articles, as real search does, rather than every article.
WITH vocab AS (
    SELECT ARRAY['monitoring', 'security', 'cloud', 'backup', 'network', 'firewall', 'patching', 'endpoint',
                 'helpdesk', 'ticket', 'server', 'storage', 'identity', 'compliance', 'migration', 'laptop',
                 'license', 'vendor', 'roadmap', 'budget', 'outage', 'recovery', 'ransomware', 'phishing',
                 'training', 'onboarding', 'remote', 'wireless', 'printer', 'email', 'collaboration', 'automation',
                 'capacity', 'coverage', 'escalation', 'infrastructure', 'upgrade', 'policy', 'audit', 'reporting']
           AS w
), generated AS (
    SELECT i, w[1 + (i % 40)] AS first_word, w[1 + ((i * 7) % 40)] AS second_word,
           (SELECT string_agg(w[1 + ((i * 7 + floor(random() * 8)::int + n * 0) % 40)], ' ')
            FROM generate_series(1, 300 + i * 0) AS n) AS body
    FROM generate_series(1, 1000) AS i, vocab
)
INSERT INTO article (slug, kind, title, summary, body_markdown, body_html, body_text, toc_json, reading_minutes,
                     status, publish_at, author, created_at, updated_at, version)
SELECT 'bench-article-' || i, 'article',
       'Bench article ' || i || ': ' || first_word || ' and ' || second_word,
       'A generated article about ' || first_word || ' and ' || second_word || '.',
       body, '<p>' || body || '</p>', body, '[]', 2, 'published',
       now() - make_interval(mins => i), 'Benchmark', now(), now(), 1
FROM generated;

INSERT INTO article_tag (article_id, tag, position)
SELECT id, 'bench-' || (id % 10), 0 FROM article WHERE slug LIKE 'bench-article-%';

ANALYZE;
