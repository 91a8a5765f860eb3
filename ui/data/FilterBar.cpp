#include "data/FilterBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace vigia::ui {

FilterBar::FilterBar(const QString &searchPlaceholder, QWidget *parent) : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(searchPlaceholder);
    m_search->setClearButtonEnabled(true);
    m_status = new QComboBox(this);
    m_status->addItem(tr("Any status"), QString());
    m_count = new QLabel(this);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_lay = new QHBoxLayout(this);
    m_lay->setContentsMargins(0, 0, 0, 0);
    m_lay->addWidget(m_search, 1);
    m_lay->addWidget(m_status);
    m_lay->addWidget(m_count);
    m_lay->addWidget(m_export);
    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::searchChanged);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] { emit statusChanged(status()); });
    connect(m_export, &QPushButton::clicked, this, &FilterBar::exportRequested);
}

void FilterBar::addLeading(QWidget *w)
{
    m_lay->insertWidget(m_leading++, w);
}

void FilterBar::addTrailing(QWidget *w)
{
    // After the search field and the status filter, before the count.
    m_lay->insertWidget(m_leading + 2 + m_trailing++, w);
}

void FilterBar::addAfterCount(QWidget *w)
{
    m_lay->insertWidget(m_lay->indexOf(m_export), w);
}

void FilterBar::setStatuses(const QStringList &statuses)
{
    const QString current = status();
    m_status->blockSignals(true);
    while (m_status->count() > 1)
        m_status->removeItem(1);
    for (const QString &s : statuses)
        m_status->addItem(s, s);
    const int keep = m_status->findData(current);
    m_status->setCurrentIndex(qMax(0, keep));
    m_status->blockSignals(false);
    if (keep < 0 && !current.isEmpty())
        emit statusChanged(QString());
}

QString FilterBar::status() const
{
    return m_status->currentData().toString();
}

void FilterBar::setCount(qint64 shown, qint64 total)
{
    const QLocale loc;
    m_count->setText(tr("%1 of %2").arg(loc.toString(shown), loc.toString(total)));
}

} // namespace vigia::ui
