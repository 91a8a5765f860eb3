#include "data/SnapshotBar.h"

#include "ThemePalette.h"
#include "ThemedStyleSheet.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>

namespace vigia::ui {

SnapshotBar::SnapshotBar(QWidget *parent) : QWidget(parent)
{
    auto *lay = new QHBoxLayout(this);
    lay->setContentsMargins(6, 3, 6, 3);
    m_asOf = new QLabel(tr("No snapshot yet"), this);
    m_asOf->setObjectName(QStringLiteral("snapshotAsOf"));
    QFont f = m_asOf->font();
    f.setBold(true);
    m_asOf->setFont(f);
    m_stage = new QLabel(this);
    m_stage->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_databases = new QPushButton(tr("Databases…"), this);
    m_databases->setToolTip(tr("Choose which databases hold appointments and quotes"));
    m_refresh->setObjectName(QStringLiteral("snapshotRefresh"));
    m_refresh->setToolTip(
        tr("Take a fresh, consistent snapshot from the server (read-only: production is never written)"));
    lay->addWidget(m_asOf);
    lay->addWidget(m_stage, 1);
    lay->addWidget(m_progress);
    lay->addWidget(m_cancel);
    lay->addWidget(m_refresh);
    lay->addWidget(m_databases);
    connect(m_refresh, &QPushButton::clicked, this, &SnapshotBar::refreshRequested);
    connect(m_databases, &QPushButton::clicked, this, &SnapshotBar::databasesRequested);
    connect(m_cancel, &QPushButton::clicked, this, &SnapshotBar::cancelRequested);
    auto *tick = new QTimer(this);
    tick->setInterval(15000);
    connect(tick, &QTimer::timeout, this, &SnapshotBar::updateAge);
    tick->start();
    setIdle();
}

void SnapshotBar::setSnapshot(const db::SnapshotInfo &info, bool offline)
{
    m_info = info;
    m_offline = offline;
    updateAge();
    setIdle();
}

QString SnapshotBar::asOfText() const
{
    return m_asOf->text();
}

void SnapshotBar::updateAge()
{
    if (!m_info.takenAt.isValid())
        return;
    m_asOf->setText(tr("%1 · %2 old%3")
                        .arg(db::SnapshotCache::asOfText(m_info.takenAt),
                             db::SnapshotCache::ageText(m_info.takenAt),
                             m_offline ? tr(" · offline copy") : QString()));
    m_asOf->setToolTip(
        tr("%1\nfrom %2\n%3, %4 (%5)")
            .arg(m_info.localPath, m_info.remotePath, QLocale().formattedDataSize(m_info.bytes),
                 m_info.method == QLatin1String("copy") ? tr("file copy + WAL") : tr("VACUUM INTO"),
                 m_info.takenAt.toLocalTime().toString(Qt::ISODate)));
}

void SnapshotBar::setBusy(const QString &stage)
{
    m_error.clear();
    m_stage->setText(stage);
    m_stage->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_refresh->setEnabled(false);
}

void SnapshotBar::setProgress(qint64 received, qint64 total)
{
    if (total <= 0) {
        m_progress->setRange(0, 0);
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(qBound(qint64(0), received * 1000 / total, qint64(1000))));
    m_progress->setFormat(QStringLiteral("%1 / %2").arg(QLocale().formattedDataSize(received),
                                                        QLocale().formattedDataSize(total)));
}

void SnapshotBar::setIdle()
{
    m_progress->hide();
    m_cancel->hide();
    m_refresh->setEnabled(true);
    m_stage->clear();
}

void SnapshotBar::showError(const Error &error)
{
    setIdle();
    m_stage->setText(error.message);
    m_stage->setToolTip(error.toString());
    m_error = error.toString();
    ThemedStyleSheet::bind(m_stage, [](bool dark) {
        return QStringLiteral("color: %1;").arg(ThemePalette::toneText(ThemePalette::Tone::Error, dark).name());
    });
}

} // namespace vigia::ui
