"""Bylines carry the article's first publication time while it is live, filled in one
statement, as tag links do since 0011 (decision 0069)."""

from django.db import migrations, models

# One UPDATE … FROM for every byline, as 0011 fills the tag links: only a live article's
# bylines get a time, as Article.link_time gives it.
FILL = """
UPDATE articles_byline
SET published_at = articles_article.first_published_at
FROM articles_article
WHERE articles_article.id = articles_byline.article_id AND articles_article.live
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_tag_link_published_at"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="byline",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunSQL(FILL, reverse_sql=migrations.RunSQL.noop, elidable=False),
        # After the fill: one index build, not an index update per byline.
        migrations.AddIndex(
            model_name="byline",
            index=models.Index(
                condition=models.Q(("published_at__isnull", False)),
                fields=["author", "-published_at", "-article"],
                name="byline_author_feed",
            ),
        ),
    ]
