"""The whole newsroom written out in open formats, for a newsroom that leaves (decision 0052).

One folder holds:

- ``ninjs/<edition>/<id>.json``: each article as IPTC ninjs 3.1, by the API's own serialiser
  (:mod:`newsdesk.api.ninjs`): a published article as readers see it, a draft or a
  scheduled one as its latest revision (``pubStatus`` withheld, ``embargoedUntil`` its time);
- ``wordpress-<edition>.xml``: each edition as a WordPress export (WXR 1.2) that WordPress's
  importer and ours read: sections as categories, tags, authors, stories as a taxonomy of
  their own, images as attachments, and postmeta (``_newsdesk_*``) for what WordPress has
  no field for;
- ``uploads/``: every image's original file, where the attachments' addresses
  (``…/wp-content/uploads/<path>``) say, so ``import_wxr --media-dir DIR/uploads`` finds them;
- ``newsroom/*.jsonl``: what neither format has a place for, a JSON object a line
  (sections, tags, authors, stories with their timelines, live updates, corrections,
  redirects, images);
- ``manifest.json``, written last (an export without it is unfinished): what was written,
  with one entry per ninjs document.

Streaming: rows are read in keyset batches (``pk > last``), each item is written as it is
read and forgotten, so memory holds one batch whatever the archive's size.
"""

from .folder import MANIFEST, UPLOADS, ExportRefused, check_folder
from .rows import keyset, upload_path
from .run import FORMATS, Exporter
from .wxr_file import ATTACHMENT_IDS, STORY_TAXONOMY

__all__ = [
    "ATTACHMENT_IDS",
    "FORMATS",
    "MANIFEST",
    "STORY_TAXONOMY",
    "UPLOADS",
    "ExportRefused",
    "Exporter",
    "check_folder",
    "keyset",
    "upload_path",
]
