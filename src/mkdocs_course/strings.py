"""Words shown to learners, per language, with the author's overrides on top.

Keys are shared by the server-rendered HTML and ``course.js``. A course sets
``extra.course.strings`` in ``mkdocs.yml`` to change any of them; the language
follows ``theme.language``.
"""
from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "quiz.submit": "Check answer",
        "quiz.retry": "Try again",
        "quiz.show": "Show answer",
        "quiz.correct": "Correct",
        "quiz.wrong": "Not correct",
        "quiz.right": "Well done: that is right.",
        "quiz.not_right": "Not quite. Read the notes and try again.",
        "quiz.choose": "Choose an answer first.",
        "quiz.your_choice": "Your choice",
        "quiz.reveal": "Show the answer",
        "quiz.revealed": "Here is the answer. Try the question again whenever you like.",
        "quiz.hint": "Hint",
        "checklist.count": "{done} of {total} done",
        "module.position": "{label} {position} of {of}",
        "module.minutes": "about {minutes} minutes",
        "module.objectives": "In this module you will:",
        "module.progress": "{checks} of {checks_total} checklist items · {quizzes} of {quizzes_total} quizzes correct",
        "module.mark_read": "Mark as read",
        "module.read": "Read",
        "module.print": "Print checklist",
        "module.print_ticks": "Print with my ticks",
        "module.previous": "Previous",
        "module.next": "Next",
        "state.not_started": "Not started",
        "state.in_progress": "In progress",
        "state.complete": "Complete",
        "dashboard.title": "Your course",
        "dashboard.overall": "{percent}% of the course complete",
        "dashboard.continue": "Continue where you left off",
        "dashboard.start": "Start the course",
        "rule.read": "you marked it as read",
        "rule.checklist": "every checklist item is ticked",
        "rule.quizzes": "every quiz is answered correctly",
        "rule.intro": "A module is complete when",
        "rule.and": "and",
        "storage.unavailable": "Your browser is not letting this site save progress (private mode or storage turned off). Ticks and answers work, but will be gone when you leave.",
        "storage.full": "Your browser's storage is full, so this change was not saved.",
        "storage.reset_notice": "Saved progress could not be read, so it was set aside and a fresh record started.",
        "progress.privacy": "Your progress is saved only in this browser on this device. It is never sent anywhere.",
        "progress.export": "Export progress",
        "progress.import": "Import progress",
        "progress.imported": "Progress imported and merged with what was already saved.",
        "progress.bad_file": "This file is not a progress file from this course, so nothing was changed.",
        "progress.other_course": "This progress file belongs to another course, so nothing was changed.",
        "progress.newer": "This progress file comes from a newer version of the course site, so nothing was changed.",
        "progress.reset_module": "Reset this module",
        "progress.reset_course": "Reset the whole course",
        "progress.confirm_module": "Clear all saved progress for “{title}”? This cannot be undone.",
        "progress.confirm_course": "Clear all saved progress for the whole course? This cannot be undone.",
        "progress.done_reset": "Progress cleared.",
        "progress.manage": "Back up, move or reset your progress",
        "workbook.title": "Workbook",
        "workbook.names": "Names",
        "workbook.date": "Date started",
        "workbook.how": "How to use this workbook",
        "workbook.how_steps": (
            "Take one module a week, in order. Read it on the site first.\n"
            "Tick each box on the checklist once you have done it.\n"
            "Plan your week with the practice, and write what you noticed under Notes.\n"
            "Come back to your notes when you start the next module."
        ),
        "workbook.answers": (
            "The quiz answers are not in this workbook, so you can try the quizzes on the site first. "
            "They are on a page of their own:"
        ),
        "workbook.checklist": "Your checklist",
        "workbook.notes": "Notes",
        "answers.title": "Answer key",
        "answers.intro": (
            "The answers to every quiz in the course, module by module. Try each quiz on its module's page first: "
            "working out an answer yourself teaches more than reading it. The checklists, without the answers, "
            "are in the"
        ),
        "answers.module": "Quizzes of {title}",
        "answers.question": "Question {number}",
        "answers.why": "Why",
        "answers.none": "This course has no quizzes yet.",
        "dashboard.manage": "Export, import or reset your progress",
        "dashboard.pdf": "Download the workbook (PDF)",
        "module.step": "{label} {position}",
        "module.pager": "Course modules",
        "print.page": "Print this page",
        "progress.needs_js": "Export, import and reset need JavaScript, which is turned off in this browser.",
        "progress.export_text": "Save your progress to a file, to keep a copy or to move it to another browser or device.",
        "progress.import_text": "Choose a file you exported before. It is added to the progress saved here, and nothing saved here is lost.",
        "progress.import_label": "Progress file",
        "progress.reset": "Start again",
        "progress.reset_label": "Module",
        "storage.saved_again": "Saving works again: every change you made is saved.",
        "storage.unreadable_no_room": "Saved progress could not be read, and there is no room to set it aside. Download it to keep a copy; your next change starts a fresh record.",
        "storage.download_unreadable": "Download the unreadable record",
        "storage.mode_device": "Your progress is kept in this browser on this device.",
        "storage.mode_visit": "Your progress is kept only for this visit: it is gone when you close this tab.",
        "storage.mode_memory": "Your progress is not being saved: this browser does not allow it. It is gone when you leave.",
        "progress.import_not_saved": "The file's progress is shown here but could not be saved: your browser's storage is full. Keep the file and import it again once there is room.",
        "progress.keep": "Keep progress on this device?",
        "progress.keep_text": "If someone else may use or look at this device, you can keep your progress only until you close this tab. You choose again on each visit: nothing is left behind to remember the choice.",
        "progress.visit_only": "Don't keep my progress on this device",
        "progress.confirm_visit_only": "Keep progress only until you close this tab? What this course saved on this device is removed now.",
        "progress.now_visit": "Your progress is now kept only for this visit.",
        "progress.now_device": "Your progress is saved on this device again.",
        "progress.mode_failed": "This browser would not let the progress move, so nothing was changed.",
        "progress.erase": "Erase everything",
        "progress.erase_text": "Remove everything this course saved in this browser: your progress, its backups and your settings for this site. Your browser's history is separate: remove pages from it in the browser's history.",
        "progress.erase_all": "Erase everything this course saved on this device",
        "progress.confirm_erase": "Erase everything this course saved on this device? This cannot be undone.",
        "progress.erased": "Everything this course saved on this device is erased.",
        "progress.erase_no_js": "JavaScript is off in this browser, so this course has saved nothing here. To clear what any site stored, use your browser's settings for cookies and site data.",
    },
    "fr": {
        "quiz.submit": "Vérifier",
        "quiz.retry": "Réessayer",
        "quiz.show": "Voir la réponse",
        "quiz.correct": "Correct",
        "quiz.wrong": "Incorrect",
        "quiz.right": "Bravo : c'est juste.",
        "quiz.not_right": "Pas tout à fait. Lisez les remarques et réessayez.",
        "quiz.choose": "Choisissez d'abord une réponse.",
        "quiz.your_choice": "Votre choix",
        "quiz.reveal": "Afficher la réponse",
        "quiz.revealed": "Voici la réponse. Réessayez la question quand vous voulez.",
        "quiz.hint": "Indice",
        "checklist.count": "{done} sur {total} faits",
        "module.position": "{label} {position} sur {of}",
        "module.minutes": "environ {minutes} minutes",
        "module.objectives": "Dans ce module, vous allez :",
        "module.progress": "{checks} sur {checks_total} actions · {quizzes} sur {quizzes_total} quiz réussis",
        "module.mark_read": "Marquer comme lu",
        "module.read": "Lu",
        "module.print": "Imprimer la liste",
        "module.print_ticks": "Imprimer avec mes coches",
        "module.previous": "Précédent",
        "module.next": "Suivant",
        "state.not_started": "Pas commencé",
        "state.in_progress": "En cours",
        "state.complete": "Terminé",
        "dashboard.title": "Votre parcours",
        "dashboard.overall": "{percent} % du cours terminé",
        "dashboard.continue": "Reprendre là où vous en étiez",
        "dashboard.start": "Commencer le cours",
        "rule.read": "vous l'avez marqué comme lu",
        "rule.checklist": "toutes les actions sont cochées",
        "rule.quizzes": "tous les quiz sont réussis",
        "rule.intro": "Un module est terminé quand",
        "rule.and": "et",
        "storage.unavailable": "Votre navigateur ne permet pas d'enregistrer la progression (navigation privée ou stockage désactivé). Tout fonctionne, mais rien ne sera gardé.",
        "storage.full": "Le stockage du navigateur est plein : ce changement n'a pas été enregistré.",
        "storage.reset_notice": "La progression enregistrée était illisible : elle a été mise de côté.",
        "progress.privacy": "Votre progression est enregistrée uniquement dans ce navigateur, sur cet appareil. Elle n'est jamais envoyée ailleurs.",
        "progress.export": "Exporter la progression",
        "progress.import": "Importer une progression",
        "progress.imported": "Progression importée et fusionnée avec l'existant.",
        "progress.bad_file": "Ce fichier n'est pas une progression de ce cours : rien n'a changé.",
        "progress.other_course": "Ce fichier appartient à un autre cours : rien n'a changé.",
        "progress.newer": "Ce fichier vient d'une version plus récente du site : rien n'a changé.",
        "progress.reset_module": "Réinitialiser ce module",
        "progress.reset_course": "Réinitialiser tout le cours",
        "progress.confirm_module": "Effacer toute la progression de « {title} » ? C'est définitif.",
        "progress.confirm_course": "Effacer toute la progression du cours ? C'est définitif.",
        "progress.done_reset": "Progression effacée.",
        "progress.manage": "Sauvegarder, déplacer ou réinitialiser votre progression",
        "workbook.title": "Cahier d'exercices",
        "workbook.names": "Prénoms",
        "workbook.date": "Commencé le",
        "workbook.how": "Comment utiliser ce cahier",
        "workbook.how_steps": (
            "Prenez un module par semaine, dans l'ordre. Lisez-le d'abord sur le site.\n"
            "Cochez chaque case de la liste une fois l'action faite.\n"
            "Préparez votre semaine avec l'exercice pratique, et notez vos remarques sous « Notes ».\n"
            "Relisez vos notes avant de commencer le module suivant."
        ),
        "workbook.answers": (
            "Les réponses aux quiz ne sont pas dans ce cahier : essayez d'abord les quiz sur le site. "
            "Elles sont sur une page à part :"
        ),
        "workbook.checklist": "Votre liste d'actions",
        "workbook.notes": "Notes",
        "answers.title": "Corrigé",
        "answers.intro": (
            "Les réponses à tous les quiz du cours, module par module. Essayez d'abord chaque quiz sur la page "
            "de son module : trouver la réponse soi-même apprend plus que la lire. Les listes d'actions, "
            "sans les réponses, sont dans le"
        ),
        "answers.module": "Les quiz de {title}",
        "answers.question": "Question {number}",
        "answers.why": "Pourquoi",
        "answers.none": "Ce cours n'a pas encore de quiz.",
        "dashboard.manage": "Exporter, importer ou réinitialiser votre progression",
        "dashboard.pdf": "Télécharger le cahier d'exercices (PDF)",
        "module.step": "{label} {position}",
        "module.pager": "Modules du cours",
        "print.page": "Imprimer cette page",
        "progress.needs_js": "L'export, l'import et la réinitialisation ont besoin de JavaScript, qui est désactivé dans ce navigateur.",
        "progress.export_text": "Enregistrez votre progression dans un fichier, pour en garder une copie ou la reprendre dans un autre navigateur ou sur un autre appareil.",
        "progress.import_text": "Choisissez un fichier exporté auparavant. Il s'ajoute à la progression enregistrée ici, sans rien en effacer.",
        "progress.import_label": "Fichier de progression",
        "progress.reset": "Recommencer",
        "progress.reset_label": "Module",
        "storage.saved_again": "L'enregistrement fonctionne de nouveau : tous vos changements sont enregistrés.",
        "storage.unreadable_no_room": "La progression enregistrée est illisible et il n'y a pas de place pour la mettre de côté. Téléchargez-la pour en garder une copie ; votre prochain changement repart d'une progression vierge.",
        "storage.download_unreadable": "Télécharger la progression illisible",
        "storage.mode_device": "Votre progression est gardée dans ce navigateur, sur cet appareil.",
        "storage.mode_visit": "Votre progression n'est gardée que pour cette visite : elle disparaît quand vous fermez cet onglet.",
        "storage.mode_memory": "Votre progression n'est pas enregistrée : ce navigateur ne le permet pas. Elle disparaîtra quand vous partirez.",
        "progress.import_not_saved": "La progression du fichier s'affiche ici mais n'a pas pu être enregistrée : le stockage du navigateur est plein. Gardez le fichier et importez-le de nouveau quand il y aura de la place.",
        "progress.keep": "Garder la progression sur cet appareil ?",
        "progress.keep_text": "Si quelqu'un d'autre peut utiliser ou regarder cet appareil, vous pouvez ne garder votre progression que jusqu'à la fermeture de cet onglet. Vous choisissez à chaque visite : rien ne reste pour s'en souvenir.",
        "progress.visit_only": "Ne pas garder ma progression sur cet appareil",
        "progress.confirm_visit_only": "Garder la progression seulement jusqu'à la fermeture de cet onglet ? Ce que ce cours a enregistré sur cet appareil est effacé maintenant.",
        "progress.now_visit": "Votre progression n'est plus gardée que pour cette visite.",
        "progress.now_device": "Votre progression est de nouveau enregistrée sur cet appareil.",
        "progress.mode_failed": "Ce navigateur n'a pas permis de déplacer la progression : rien n'a changé.",
        "progress.erase": "Tout effacer",
        "progress.erase_text": "Effacez tout ce que ce cours a enregistré dans ce navigateur : votre progression, ses sauvegardes et vos réglages pour ce site. L'historique du navigateur est à part : retirez-en des pages depuis l'historique du navigateur.",
        "progress.erase_all": "Effacer tout ce que ce cours a enregistré sur cet appareil",
        "progress.confirm_erase": "Effacer tout ce que ce cours a enregistré sur cet appareil ? C'est définitif.",
        "progress.erased": "Tout ce que ce cours avait enregistré sur cet appareil est effacé.",
        "progress.erase_no_js": "JavaScript est désactivé dans ce navigateur : ce cours n'a donc rien enregistré ici. Pour effacer ce qu'un site a stocké, passez par les réglages du navigateur pour les cookies et les données de site.",
    },
}


def strings_for(language: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """Return every UI string in ``language`` (English where missing), with overrides applied."""
    base = dict(STRINGS["en"])
    base.update(STRINGS.get(language.split("-")[0], {}))
    base.update(overrides or {})
    return base


def fill(template: str, **values: object) -> str:
    """Fill the ``{name}`` placeholders of a UI string; an author's string may leave any out, or hold other braces."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template
