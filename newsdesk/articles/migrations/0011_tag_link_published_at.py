"""The tag links become a model of their own (the same table) and carry the article's
first publication time while it is live, filled in one statement (decision 0068)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

# One UPDATE … FROM for every link (SQLite 3.33 and PostgreSQL read it alike): at a
# million articles, 2.7 million links, a join the database does once, not a lookup per
# link. Only a live article's links get a time, as Article.link_time gives it.
FILL = """
UPDATE articles_article_tags
SET published_at = articles_article.first_published_at
FROM articles_article
WHERE articles_article.id = articles_article_tags.article_id AND articles_article.live
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_affiliate_partner_disclosure"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        # The table Django made for the relation is the model's: only the state changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TagLink",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "article",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="tag_links",
                                to="articles.article",
                            ),
                        ),
                        (
                            "tag",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="taxonomy.tag",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "articles_article_tags",
                        "unique_together": {("article", "tag")},
                    },
                ),
                migrations.AlterField(
                    model_name="article",
                    name="tags",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        through="articles.TagLink",
                        to="taxonomy.tag",
                        verbose_name="tags",
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="taglink",
            name="published_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunSQL(FILL, reverse_sql=migrations.RunSQL.noop, elidable=False),
        # After the fill: one index build, not an index update per link.
        migrations.AddIndex(
            model_name="taglink",
            index=models.Index(
                condition=models.Q(("published_at__isnull", False)),
                fields=["tag", "-published_at", "-article"],
                name="article_tag_feed",
            ),
        ),
    ]
