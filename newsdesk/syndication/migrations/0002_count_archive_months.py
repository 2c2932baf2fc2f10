"""Fill the archive summary once from the articles already published."""

import datetime as dt

from django.db import migrations
from django.db.models import Count, Max, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone


def count_months(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    ArchiveMonth = apps.get_model("syndication", "ArchiveMonth")
    now = timezone.now()
    visible = Article.objects.filter(live=True, first_published_at__lte=now).filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )
    grouped = (
        visible.annotate(month=TruncMonth("first_published_at", tzinfo=dt.UTC))
        .values("locale__language_code", "month")
        .annotate(
            n=Count("id"),
            first=Max("first_published_at"),
            last=Max("last_published_at"),
            updated=Max("updated_at"),
        )
        .order_by()
    )
    rows = []
    for group in grouped:
        month = group["month"]
        rows.append(
            ArchiveMonth(
                edition=group["locale__language_code"],
                month=month.date() if isinstance(month, dt.datetime) else month,
                articles=group["n"],
                lastmod=max(m for m in (group["first"], group["last"], group["updated"]) if m),
            )
        )
    ArchiveMonth.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [
        ("syndication", "0001_initial"),
        ("articles", "0003_initial"),
    ]

    operations = [migrations.RunPython(count_months, migrations.RunPython.noop)]
