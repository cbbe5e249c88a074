"""The UI language: Qt translators for Agent Desk and for Qt's own dialogs, switchable at run time.

Source strings are English inside `tr()`; Simplified Chinese is the default. Installing a new
translator makes Qt send `QEvent.LanguageChange` to every widget, and each widget of ours
re-applies its texts in `changeEvent` (see `Retranslatable`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from agent_app.paths import resources_dir

DEFAULT_LANGUAGE = "zh_CN"
# Language code → its own name: a language is always offered in its own script.
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}

_state: dict[str, object] = {"lang": DEFAULT_LANGUAGE, "translators": []}


def translations_dir() -> Path:
    return resources_dir() / "translations"


def normalize(lang: str | None) -> str:
    """A supported language code for whatever the user or the command line said."""
    if not lang:
        return DEFAULT_LANGUAGE
    lowered = lang.replace("-", "_").lower()
    if lowered.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language the UI shows now ("zh_CN" or "en"), also used for service error messages."""
    return str(_state["lang"])


def set_language(lang: str | None) -> str:
    """Install the translators for `lang` (replacing the previous ones); returns the code used."""
    app = QCoreApplication.instance()
    code = normalize(lang)
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    for translator in _state["translators"]:  # type: ignore[union-attr]
        app.removeTranslator(translator)
    translators: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"agent_desk_{code}.qm")):
        translators.append(ours)
    if code != "en":
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{code}", qt_dir):
            translators.append(qt_own)
    for translator in translators:
        app.installTranslator(translator)
    _state["translators"] = translators
    _state["lang"] = code
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if code == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return code
