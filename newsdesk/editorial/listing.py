"""The desk's article listing: filters a shift needs, labels and bylines, the site's own
search, and pages by keyset at any depth (decision 0039)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Prefetch, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.models import Revision, WorkflowState

from newsdesk.articles import labels as label_codes
from newsdesk.articles.models import Article, Byline
from newsdesk.people.models import Author
from newsdesk.search.desk import containing, find_articles
from newsdesk.sections.models import Section

from .choosers import ChooseResultsView, ChooseView, GuardedChooserViewSet
from .display import ListingStatusColumn
from .table import FixedCostTableMixin
from .wording import WordedIndexView

SCHEDULED, IN_REVIEW, CHANGED, DRAFT, LIVE = "scheduled", "review", "changed", "draft", "live"
STATES = [
    (DRAFT, _("Draft, never published")),
    (SCHEDULED, _("Scheduled")),
    (IN_REVIEW, _("In review")),
    (LIVE, _("Live")),
    (CHANGED, _("Live, with unpublished changes")),
]


def _revisions_of_article() -> QuerySet[Revision]:
    return Revision.objects.filter(base_content_type=ContentType.objects.get_for_model(Article))


def _among(objects: QuerySet) -> Subquery:
    """The articles ``objects`` (revisions or workflow states) are about, as a subquery.
    ``pk IN (…)`` reads the few rows asked about and then each article by its key; an
    ``EXISTS`` per article would walk the whole archive (a million rows) to find them."""
    return Subquery(
        objects.annotate(article_id=Cast("object_id", output_field=IntegerField())).values(
            "article_id"
        )
    )


def _in_review() -> Subquery:
    return _among(
        WorkflowState.objects.active().filter(
            base_content_type=ContentType.objects.get_for_model(Article)
        )
    )


class TickedOnly(forms.CheckboxInput):
    """A box that filters when ticked and is no filter at all otherwise (a plain checkbox
    gives False, which the listing showed as an active filter "Saved by me: False")."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> bool | None:
        return True if super().value_from_datadict(data, files, name) else None


class ArticleFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATES,
        method="filter_state",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    mine = django_filters.BooleanFilter(
        label=_("Saved by me"),
        method="filter_mine",
        widget=TickedOnly,
    )
    # One edition's sections at a time: the chosen edition's, or each edition's under its
    # own heading (choices are set per request).
    section = django_filters.ChoiceFilter(label=_("Section"), method="filter_section")
    # A name typed, not a list: a select of every author renders an option template per
    # author (hundreds), which cost more than the whole page.
    author = django_filters.CharFilter(label=_("Author"), method="filter_author")
    published = django_filters.DateFromToRangeFilter(
        label=_("First published"),
        field_name="first_published_at",
        widget=DateRangePickerWidget,
    )
    labels = django_filters.ChoiceFilter(
        label=_("Label"),
        choices=label_codes.EDITORIAL,
        method="filter_label",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        edition = (self.data or {}).get("locale") or ""
        sections = Section.objects.select_related("locale").order_by("sort_order", "name")
        if edition:
            sections = sections.filter(locale__language_code=edition)
        self.filters["section"].extra["choices"] = (
            [(str(section.pk), section.name) for section in sections]
            if edition
            else _grouped(sections)
        )

    def filter_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        scheduled = _among(_revisions_of_article().filter(approved_go_live_at__isnull=False))
        if value == DRAFT:
            return queryset.filter(live=False, first_published_at__isnull=True).exclude(
                pk__in=scheduled
            )
        if value == LIVE:
            return queryset.filter(live=True)
        if value == CHANGED:
            return queryset.filter(live=True, has_unpublished_changes=True)
        if value == SCHEDULED:
            return queryset.filter(pk__in=scheduled)
        if value == IN_REVIEW:
            return queryset.filter(pk__in=_in_review())
        return queryset

    def filter_section(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(section_id=int(value)) if value else queryset

    def filter_mine(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        user = getattr(self.request, "user", None)
        if not value or user is None or not user.is_authenticated:
            return queryset
        return queryset.filter(pk__in=_among(_revisions_of_article().filter(user=user)))

    def filter_author(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value.strip():
            return queryset
        authors = containing(Author.objects.all(), ["name", "slug"], value)
        # A subquery, not a join: no DISTINCT over the archive for articles of two bylines.
        return queryset.filter(
            pk__in=Byline.objects.filter(author__in=authors).values("article_id")
        )

    def filter_label(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.labelled(value)  # type: ignore[attr-defined]


def _grouped(sections: QuerySet[Section]) -> list[tuple[str, list[tuple[str, str]]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for section in sections:
        groups.setdefault(section.locale.get_display_name() or "", []).append(
            (str(section.pk), section.name)
        )
    return list(groups.items())


class LabelsColumn(Column):
    def get_value(self, instance: Any) -> str:
        return ", ".join(str(name) for name in instance.label_names)


class BylineColumn(Column):
    def get_value(self, instance: Any) -> str:
        return ", ".join(str(byline.author) for byline in instance.bylines.all())


def with_row_details(queryset: QuerySet) -> QuerySet:
    """Articles with what their listing and chooser rows show, prefetched for the page:
    section, bylines, schedule and workflow (the status column's questions). A page costs
    the same queries for 5 rows as for 50."""
    return queryset.select_related("section").prefetch_related(
        Prefetch(
            "bylines", queryset=Byline.objects.select_related("author").order_by("sort_order")
        ),
        Prefetch(
            "_revisions",
            queryset=Revision.objects.filter(approved_go_live_at__isnull=False),
            to_attr="_scheduled_revisions",
        ),
        # Wagtail's own workflow_in_progress reads _current_workflow_states.
        Prefetch(
            "_workflow_states",
            queryset=WorkflowState.objects.active(),
            to_attr="_current_workflow_states",
        ),
    )


# Keyset pages ---------------------------------------------------------------------------


def _cursor(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() and len(raw) < 19 else None


@dataclass
class KeysetPage:
    """One page of a listing ordered newest id first, and the ids around it. It answers
    what Wagtail's listing templates ask of a page; the navigation is our own."""

    object_list: list[Any]
    older: int | None  # the "after" cursor of the next (older) page
    newer: int | None  # the "before" cursor of the previous (newer) page
    count: int
    number: int = 1

    @property
    def more_than(self) -> str | None:
        """The cap, grouped as the admin's language writes numbers, when there are more
        matching rows than it (see :func:`counted`)."""
        return number_format(COUNT_CAP, force_grouping=True) if self.count > COUNT_CAP else None

    def __iter__(self) -> Any:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_other_pages(self) -> bool:
        return self.older is not None or self.newer is not None


# Counting every row is a scan of the archive (0.8 s at 100,000 rows on SQLite): past this
# many, the listing says "more than".
COUNT_CAP = 10_000


def counted(queryset: QuerySet) -> int:
    """How many rows ``queryset`` has, up to ``COUNT_CAP + 1``: a bounded scan."""
    return queryset.order_by().values("pk")[: COUNT_CAP + 1].count()


def keyset_page(queryset: QuerySet, *, after: int | None, before: int | None, size: int) -> Any:
    """A page of ``queryset`` (newest id first) older than ``after`` or newer than
    ``before``: an index range, never an OFFSET, so page 2,000 costs what page 1 does."""
    if before is not None:
        rows = list(queryset.filter(pk__gt=before).order_by("pk")[: size + 1])
        more_newer = len(rows) > size
        rows = list(reversed(rows[:size]))
        newer = rows[0].pk if more_newer and rows else None
        older = rows[-1].pk if rows else None
    else:
        if after is not None:
            queryset = queryset.filter(pk__lt=after)
        rows = list(queryset.order_by("-pk")[: size + 1])
        more_older = len(rows) > size
        rows = rows[:size]
        older = rows[-1].pk if more_older else None
        newer = rows[0].pk if after is not None and rows else None
    return rows, older, newer


class FoldedSearchIndexView(FixedCostTableMixin, WordedIndexView):
    """A newsroom snippet's listing, searched whatever the case in both scripts (SQLite's
    LIKE folds ASCII only), with links to the same search in the other areas."""

    show_other_searches = True

    def search_queryset(self, queryset: QuerySet) -> QuerySet:
        if not self.is_searching:
            return queryset
        return containing(queryset, self.search_fields or [], self.search_query)


class ArticleIndexView(FixedCostTableMixin, WordedIndexView):
    show_other_searches = True

    def get_ordering(self) -> str:
        # One order: keyset pages walk the primary key (the newest article first).
        return "-pk"

    @cached_property
    def columns(self) -> list[Column]:
        found = list(super().columns)
        for column in found:
            column.sort_key = None  # no header sorts: see get_ordering
        return found

    def search_queryset(self, queryset: QuerySet) -> QuerySet:
        if not self.is_searching:
            return queryset
        return find_articles(queryset, self.search_query)

    def paginate_queryset(self, queryset: QuerySet, page_size: int) -> Any:
        after = _cursor(self.request.GET.get("after"))
        before = _cursor(self.request.GET.get("before"))
        rows, older, newer = keyset_page(
            queryset, after=after, before=None if after else before, size=page_size
        )
        page = KeysetPage(rows, older=older, newer=newer, count=counted(queryset))
        paginator = _Counted(page.count)
        return paginator, page, rows, True

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        context["keyset_page"] = context["page_obj"]
        return context


@dataclass
class _Counted:
    """What Wagtail's listing reads of a paginator: the count, and no page range."""

    count: int
    num_pages: int = 1
    ELLIPSIS = "…"

    def get_elided_page_range(self, number: Any = 1, **kwargs: Any) -> list[Any]:
        return []


# Choosers (Read also, fronts, the banner) --------------------------------------------


class DeskSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def filter(self, objects: QuerySet) -> QuerySet:
        objects = super().filter(objects)  # type: ignore[misc]
        query = self.cleaned_data.get("q")
        if query:
            objects = find_articles(objects, query)
            self.is_searching = True
            self.search_query = query
        return objects


class ArticleChooserFilterForm(DeskSearchForm, LocaleFilterMixin, BaseFilterForm):
    pass


class CappedPaginator(WagtailPaginator):
    """A chooser's pages, counted up to ``COUNT_CAP + 1`` rows (a full count was 0.75 s at
    1,000,000 articles): the pages past it are reached by searching."""

    @cached_property
    def count(self) -> int:
        return counted(self.object_list)


class _ChooserMixin:
    ordering = "-pk"
    paginator_class = CappedPaginator

    def get_filter_form_class(self) -> type[forms.Form]:
        return ArticleChooserFilterForm

    def get_object_list(self) -> QuerySet:
        return with_row_details(super().get_object_list())  # type: ignore[misc]

    @property
    def columns(self) -> list[Column]:
        # Wagtail's status column asks each row for its schedule and workflow.
        status = ListingStatusColumn(sort_key=None)
        return [
            status if isinstance(column, LiveStatusTagColumn) else column
            for column in super().columns  # type: ignore[misc]
        ]


class ArticleChooseView(_ChooserMixin, ChooseView):
    pass


class ArticleChooseResultsView(_ChooserMixin, ChooseResultsView):
    pass


class ArticleChooserViewSet(GuardedChooserViewSet):
    choose_view_class = ArticleChooseView
    choose_results_view_class = ArticleChooseResultsView
