"""Reader pages. Placeholder bodies; see presentation.py for what each page shows."""

from django.http import Http404, HttpResponse, HttpResponseRedirect


def root(request):
    return HttpResponseRedirect("/uk/")


def home(request, edition):
    return HttpResponse("home")


def latest_news(request, edition):
    return HttpResponse("news")


def article(request, edition, slug):
    raise Http404


def section(request, edition, slug):
    raise Http404


def tag(request, edition, slug):
    raise Http404


def author(request, edition, slug):
    raise Http404


def page_not_found(request, exception=None):
    return HttpResponse("not found", status=404)


def server_error(request):
    return HttpResponse("error", status=500)
