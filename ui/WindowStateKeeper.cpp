#include "WindowStateKeeper.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>

namespace vigia::ui {

namespace {
const char kRestoredProperty[] = "vigiaStateRestored";

// QSettings treats '/' as a group separator; a profile name may contain anything.
QString escapeKey(const QString &s)
{
    return QString::fromLatin1(s.toUtf8().toPercentEncoding());
}
} // namespace

WindowStateKeeper::WindowStateKeeper(QMainWindow *window, QTabWidget *tabs, QSettings *settings)
    : QObject(window), m_window(window), m_tabs(tabs), m_settings(settings)
{
    if (!m_settings) {
        m_settings = new QSettings;
        m_ownsSettings = true;
    }
    window->installEventFilter(this);
    // Quitting from elsewhere (the last window, a signal) still keeps the layout.
    connect(qApp, &QCoreApplication::aboutToQuit, this, &WindowStateKeeper::save);
    if (m_tabs)
        connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
            if (!m_restoringTab)
                restorePending();
        });
}

WindowStateKeeper::~WindowStateKeeper()
{
    if (m_ownsSettings)
        delete m_settings;
}

QString WindowStateKeeper::group() const
{
    return QStringLiteral("window/") + escapeKey(m_profile.isEmpty() ? QStringLiteral("-") : m_profile);
}

QString WindowStateKeeper::keyFor(const QObject *widget) const
{
    // A path of object names, or class#index among same-class siblings where a widget has none:
    // stable for the same build of the same window, which is all a saved layout needs.
    QStringList parts;
    for (const QObject *o = widget; o && o != m_window; o = o->parent()) {
        if (!o->objectName().isEmpty() && !o->objectName().startsWith(QLatin1String("qt_"))) {
            parts.prepend(o->objectName());
            continue;
        }
        int index = 0;
        if (const QObject *parent = o->parent()) {
            for (const QObject *sibling : parent->children()) {
                if (sibling == o)
                    break;
                if (sibling->metaObject() == o->metaObject() && sibling->objectName() == o->objectName())
                    ++index;
            }
        }
        parts.prepend(QString::fromLatin1(o->metaObject()->className()) + QLatin1Char('#') +
                      QString::number(index));
    }
    return parts.join(QLatin1Char('.'));
}

bool WindowStateKeeper::wasRestored(const QObject *widget)
{
    return widget && widget->property(kRestoredProperty).toBool();
}

QSize WindowStateKeeper::firstSize(const QScreen *screen)
{
    const QSize minimum(1100, 640);
    if (!screen)
        return minimum;
    const QSize avail = screen->availableGeometry().size();
    const QSize wanted(qMax(minimum.width(), avail.width() * 85 / 100),
                       qMax(minimum.height(), avail.height() * 85 / 100));
    return wanted.boundedTo(avail);
}

void WindowStateKeeper::setProfile(const QString &profile)
{
    if (profile == m_profile) {
        // The same server again (a reconnect, or views built since): only what is new.
        restorePending();
        return;
    }
    if (!m_profile.isEmpty())
        save();
    m_profile = profile;
    m_restored.clear();
    if (!m_window)
        return;
    m_settings->beginGroup(group());
    const QByteArray geometry = m_settings->value(QStringLiteral("geometry")).toByteArray();
    const int tab = m_settings->value(QStringLiteral("tab"), -1).toInt();
    m_settings->endGroup();
    if (geometry.isEmpty() || !m_window->restoreGeometry(geometry)) {
        if (!m_window->isVisible())
            m_window->resize(firstSize(m_window->screen()));
    }
    restorePending();
    if (m_tabs && tab >= 0 && tab < m_tabs->count()) {
        m_restoringTab = true;
        m_tabs->setCurrentIndex(tab);
        m_restoringTab = false;
    }
    restorePending();
}

void WindowStateKeeper::restorePending()
{
    if (!m_window || m_profile.isEmpty())
        return;
    m_settings->beginGroup(group());
    const auto restoreOne = [&](QWidget *w, auto &&apply) {
        const QString key = keyFor(w);
        if (m_restored.contains(key))
            return;
        m_restored.insert(key);
        const QByteArray state = m_settings->value(key).toByteArray();
        if (!state.isEmpty() && apply(state))
            w->setProperty(kRestoredProperty, true);
    };
    for (QSplitter *s : m_window->findChildren<QSplitter *>())
        restoreOne(s, [s](const QByteArray &st) { return s->restoreState(st); });
    for (QHeaderView *h : m_window->findChildren<QHeaderView *>()) {
        // Only column headers, and only once the model has its columns.
        if (h->orientation() != Qt::Horizontal || h->count() == 0)
            continue;
        restoreOne(h, [h](const QByteArray &st) { return h->restoreState(st); });
    }
    m_settings->endGroup();
}

void WindowStateKeeper::save()
{
    if (!m_window || m_profile.isEmpty())
        return;
    m_settings->beginGroup(group());
    m_settings->setValue(QStringLiteral("geometry"), m_window->saveGeometry());
    if (m_tabs)
        m_settings->setValue(QStringLiteral("tab"), m_tabs->currentIndex());
    for (QSplitter *s : m_window->findChildren<QSplitter *>())
        m_settings->setValue(keyFor(s), s->saveState());
    for (QHeaderView *h : m_window->findChildren<QHeaderView *>()) {
        if (h->orientation() == Qt::Horizontal && h->count() > 0)
            m_settings->setValue(keyFor(h), h->saveState());
    }
    m_settings->endGroup();
    m_settings->sync();
}

bool WindowStateKeeper::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close)
        save();
    return QObject::eventFilter(watched, event);
}

} // namespace vigia::ui
