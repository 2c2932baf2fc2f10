from wagtail import hooks

from .viewsets import PartnerViewSet, WireQueueViewSet


@hooks.register("register_admin_viewset")
def register_wire_viewsets() -> list:
    return [PartnerViewSet("wire_partners"), WireQueueViewSet("wire_queue")]
