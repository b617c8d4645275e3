INSERT INTO article (slug, title, summary, body_html, updated_at)
VALUES ('co-managed-vs-fully-managed-it', 'Co-Managed IT vs Fully Managed IT',
        'How much of your IT should stay in-house? Compare the two support models, what each costs and when each one fits.',
        '<p>The full guide is on its way.</p>', CURRENT_TIMESTAMP);
