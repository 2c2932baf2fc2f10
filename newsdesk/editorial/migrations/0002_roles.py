"""The newsroom's roles as groups (see docs/decisions/0004-section-editors.md).

Django creates model permissions in ``post_migrate``, after every migration has run, and
Wagtail adds publish/lock/unlock for snippets the same way; so on a fresh database the rows
this migration needs do not exist yet and are created here (``post_migrate`` then finds them
and leaves them alone). Images are permitted per collection, on the root collection.

Administrators get every permission that exists now; ``newsdesk.editorial.roles`` tops the
group up after each ``migrate`` with permissions that later apps add.
"""

from django.db import migrations

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"
SECTION_EDITORS = "Section editors"
ADMINISTRATORS = "Administrators"

# (app_label, model, verbose_name_raw) -> actions
ARTICLE = ("articles", "article", "article")
SECTION = ("sections", "section", "section")
TAG = ("taxonomy", "tag", "tag")
AUTHOR = ("people", "author", "author")
FRONT = ("fronts", "front", "front page")
EVERYTHING = ("add", "change", "delete", "publish", "lock", "unlock")
MANAGE = ("add", "change", "delete")

# Permissions that are not "<action>_<model>" on a content model.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
ALL_SECTIONS = (
    "editorial",
    "editorialpermission",
    "edit_all_sections",
    "Can work on articles in every section",
)
TRANSLATE = (
    "simple_translation",
    "simpletranslation",
    "submit_translation",
    "Can submit translations",
)

ROLES = {
    CONTRIBUTORS: {
        "models": {ARTICLE: ("add", "change"), TAG: ("add", "change")},
        "extra": (ACCESS_ADMIN, ALL_SECTIONS, TRANSLATE),
        "images": ("add", "choose"),
    },
    EDITORS: {
        "models": {ARTICLE: EVERYTHING, SECTION: MANAGE, TAG: MANAGE, AUTHOR: MANAGE, FRONT: MANAGE},
        "extra": (ACCESS_ADMIN, ALL_SECTIONS, TRANSLATE),
        "images": ("add", "change", "delete", "choose"),
    },
    # No ALL_SECTIONS: their articles are confined to the sections that list them. No
    # sections or fronts either: editing Section.editors would let them widen their own reach.
    SECTION_EDITORS: {
        "models": {ARTICLE: EVERYTHING, TAG: ("add", "change"), AUTHOR: ("add", "change")},
        "extra": (ACCESS_ADMIN, TRANSLATE),
        "images": ("add", "change", "choose"),
    },
}
IMAGE = ("wagtailimages", "image", "image")
COLLECTION_ACTIONS = ("add", "change", "delete", "choose")


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _model_permissions(apps, spec, actions):
    app_label, model, verbose_name = spec
    return [
        _permission(apps, app_label, model, f"{action}_{model}", f"Can {action} {verbose_name}")
        for action in actions
    ]


def _grant_on_root_collection(apps, group, spec, actions):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for permission in _model_permissions(apps, spec, actions):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = [_permission(apps, *extra) for extra in role["extra"]]
        for spec, actions in role["models"].items():
            permissions += _model_permissions(apps, spec, actions)
        group.permissions.add(*permissions)
        _grant_on_root_collection(apps, group, IMAGE, role["images"])

    # Administrators: every permission, created first where needed so the set is complete.
    for spec in (ARTICLE, SECTION, TAG, AUTHOR, FRONT):
        _model_permissions(apps, spec, ("view", *MANAGE))
    _model_permissions(apps, ARTICLE, EVERYTHING)
    for extra in (ACCESS_ADMIN, ALL_SECTIONS, TRANSLATE):
        _permission(apps, *extra)
    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(*Permission.objects.all())
    _grant_on_root_collection(apps, administrators, IMAGE, COLLECTION_ACTIONS)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    # Editors predates us (Wagtail creates it); keep the group, drop what we added.
    Group.objects.filter(name__in=[CONTRIBUTORS, SECTION_EDITORS, ADMINISTRATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("articles", "0003_initial"),
        ("sections", "0002_editions"),
        ("taxonomy", "0001_initial"),
        ("people", "0001_initial"),
        ("fronts", "0001_initial"),
        ("simple_translation", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
