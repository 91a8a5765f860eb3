#include "ThemedStyleSheet.h"

#include "ThemePalette.h"

#include <QEvent>
#include <QWidget>

namespace vigia {

ThemedStyleSheet::ThemedStyleSheet(QWidget *widget) : QObject(widget), m_widget(widget)
{
    setObjectName(QStringLiteral("vigiaThemedStyleSheet"));
    widget->installEventFilter(this);
}

void ThemedStyleSheet::bind(QWidget *widget, Maker maker)
{
    auto *binding = widget->findChild<ThemedStyleSheet *>(QStringLiteral("vigiaThemedStyleSheet"),
                                                         Qt::FindDirectChildrenOnly);
    if (!maker) {
        delete binding;
        widget->setStyleSheet(QString());
        return;
    }
    if (!binding)
        binding = new ThemedStyleSheet(widget);
    binding->m_maker = std::move(maker);
    binding->reapply();
}

void ThemedStyleSheet::reapply()
{
    // The application palette, not the widget's: a style sheet changes the latter.
    const QString sheet = m_maker(ThemePalette::isDark());
    // Only on a real change: setStyleSheet() itself sends a PaletteChange.
    if (sheet != m_widget->styleSheet())
        m_widget->setStyleSheet(sheet);
}

bool ThemedStyleSheet::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget &&
        (event->type() == QEvent::ApplicationPaletteChange || event->type() == QEvent::PaletteChange))
        reapply();
    return QObject::eventFilter(watched, event);
}

} // namespace vigia
