"""A self-check quiz as ipywidgets: per question a heading, labelled radio buttons, a check button
and a feedback line announced to screen readers (role="status"). Nothing is saved."""

from __future__ import annotations

import html

import ipywidgets as w

from ekokit.content.i18n import Translator
from ekokit.content.readings import Question, quiz
from ekokit.widgets.shared_models import button, vbox
from ekokit.widgets.shared_models import html as html_widget

QuizBox = w.VBox  # what ekokit.quiz() returns


class QuestionView:
    """One question: heading, options, check button and feedback."""

    def __init__(self, question: Question, number: int, total: int, tr: Translator) -> None:
        self.question = question
        self.tr = tr
        esc = html.escape
        self.heading = w.HTML(
            f'<h3 class="ek-quiz-question"><span class="ek-quiz-number">'
            f'{esc(tr("quiz.question_label", number=number, total=total))}</span> '
            f"{esc(question.text)}</h3>"
        )
        self.choice = w.RadioButtons(
            options=[(option.text, option.id) for option in question.options],
            value=None,
            description=tr("quiz.answer_label", number=number),
            style={"description_width": "initial"},
            layout=w.Layout(width="100%"),
        )
        self.choice.add_class("ek-quiz-choice")
        self.check = w.Button(description=tr("quiz.check"), tooltip=tr("quiz.check"))
        self.check.add_class("ek-quiz-check")
        self.feedback = w.HTML("")
        self.feedback.add_class("ek-quiz-feedback")
        self.check.on_click(lambda _button: self.evaluate())
        self.choice.observe(lambda _change: self._clear(), names="value")
        self.widget = w.VBox([self.heading, self.choice, self.check, self.feedback])
        self.widget.add_class("ek-quiz-item")

    def evaluate(self) -> bool | None:
        """Show right/wrong plus the explanation; None when nothing is chosen yet."""
        esc, tr, question = html.escape, self.tr, self.question
        if self.choice.value is None:
            self._show("ek-quiz-empty", f"<p>{esc(tr('quiz.choose_first'))}</p>")
            return None
        right = self.choice.value == question.correct
        if right:
            verdict = f"<strong>{esc(tr('quiz.right'))}</strong>"
        else:
            answer = question.option(question.correct).text
            verdict = (f"<strong>{esc(tr('quiz.wrong'))}</strong> "
                       f"{esc(tr('quiz.correct_was', answer=answer))}")
        level = "ek-quiz-right" if right else "ek-quiz-wrong"
        self._show(level, f"<p>{verdict}</p><p>{esc(question.explanation)}</p>")
        return right

    def _show(self, level: str, body: str) -> None:
        self._clear()
        self.feedback.add_class(level)
        self.feedback.value = f'<div class="{level}" role="status" aria-live="polite">{body}</div>'

    def _clear(self) -> None:
        for level in ("ek-quiz-right", "ek-quiz-wrong", "ek-quiz-empty"):
            self.feedback.remove_class(level)
        self.feedback.value = ""


def quiz_widget(session: str, lang: str) -> w.Widget:
    """The self-check quiz of ``session`` ("1".."4") in ``lang`` as one widget."""
    tr = Translator(lang)
    data = quiz(session, tr.lang)
    total = len(data.questions)
    views = [QuestionView(q, n, total, tr) for n, q in enumerate(data.questions, start=1)]
    title = w.HTML(f'<h2 class="ek-quiz-title">{html.escape(data.title)}</h2>')
    root = w.VBox([title, *(view.widget for view in views)])
    root.add_class("ek-quiz")
    root.add_class(f"ek-quiz-session-{session}")
    return root


def folded_quiz(session: str, lang: str) -> w.Widget:
    """The quiz behind a start button: its many widgets are made only when someone starts it,
    so the page opens fast for a whole room."""
    tr = Translator(lang)
    title = quiz(session, tr.lang).title
    heading = html_widget(f'<h2 class="ek-quiz-title">{html.escape(title)}</h2>')
    start = button(tr("quiz.start"), "ek-quiz-start")
    box = vbox([heading, start], "ek-quiz-folded")

    def begin(_button: w.Button) -> None:
        box.children = (quiz_widget(session, tr.lang),)

    start.on_click(begin)
    return box
