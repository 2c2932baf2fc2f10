"""Passwords of twelve characters at least, said in the admin's language."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "This password is too short. It must contain at least 12 characters."),
        ("uk", "Пароль занадто короткий. Він має складатися щонайменше з 12 символів."),
    ],
)
def test_eleven_characters_are_too_few(language, message):
    with translation.override(language), pytest.raises(ValidationError) as refused:
        validate_password("Kx7#mQ2!pLw")
    assert message in refused.value.messages


def test_twelve_characters_are_enough():
    validate_password("Kx7#mQ2!pLwZ")
