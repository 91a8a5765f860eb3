#include "data/AppointmentsView.h"

#include "data/CountCalendar.h"
#include "db/CsvExport.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigia::ui {

using db::AppointmentFilterModel;
using db::AppointmentModel;

AppointmentsView::AppointmentsView(QWidget *parent) : QWidget(parent)
{
    m_model = new AppointmentModel(this);
    m_proxy = new AppointmentFilterModel(this);
    m_proxy->setSourceModel(m_model);

    m_range = new QComboBox(this);
    m_range->addItem(tr("All"), int(AppointmentFilterModel::Range::All));
    m_range->addItem(tr("Today"), int(AppointmentFilterModel::Range::Today));
    m_range->addItem(tr("This week"), int(AppointmentFilterModel::Range::ThisWeek));
    m_range->addItem(tr("Upcoming"), int(AppointmentFilterModel::Range::Upcoming));
    m_range->addItem(tr("Past"), int(AppointmentFilterModel::Range::Past));
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search name, email, service, notes…"));
    m_search->setClearButtonEnabled(true);
    m_status = new QComboBox(this);
    m_status->addItem(tr("Any status"), QString());
    m_dayChip = new QToolButton(this);
    m_dayChip->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_dayChip->setToolTip(tr("Showing one day; click to show the range again"));
    m_dayChip->hide();
    m_count = new QLabel(this);
    m_zone = new QLabel(this);
    m_zone->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto *exportBtn = new QPushButton(tr("Export CSV…"), this);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_range);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_dayChip);
    filters->addWidget(m_count);
    filters->addWidget(m_zone);
    filters->addWidget(exportBtn);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AppointmentModel::Start, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_calendar = new CountCalendar(this);
    m_calendar->setMinimumSize(340, 250);
    m_detail = new QTextBrowser(this);
    m_detail->setOpenExternalLinks(true);
    m_detail->setPlaceholderText(tr("Select an appointment"));

    auto *side = new QSplitter(Qt::Vertical, this);
    side->addWidget(m_calendar);
    side->addWidget(m_detail);
    side->setStretchFactor(1, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({900, 380});

    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->addLayout(filters);
    lay->addWidget(split, 1);

    // An agenda starts at what comes next.
    m_range->setCurrentIndex(m_range->findData(int(AppointmentFilterModel::Range::Upcoming)));
    m_proxy->setRange(AppointmentFilterModel::Range::Upcoming);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setRange(AppointmentFilterModel::Range(m_range->currentData().toInt()));
        m_dayChip->hide();
        updateCount();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_proxy->setSearchText(t);
        updateCount();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatus(m_status->currentData().toString());
        updateCount();
    });
    connect(m_calendar, &QCalendarWidget::clicked, this, &AppointmentsView::selectDay);
    connect(m_dayChip, &QToolButton::clicked, this, &AppointmentsView::clearDay);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AppointmentsView::showDetail);
    connect(exportBtn, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export appointments"), QStringLiteral("citas.csv"),
                                                          tr("CSV (*.csv)"));
        if (!path.isEmpty())
            (void)exportCsv(path);
    });
}

void AppointmentsView::setAppointments(QList<db::Appointment> rows)
{
    m_model->setAppointments(std::move(rows));
    m_calendar->setCounts(m_model->countsPerDay());
    m_zone->setText(tr("times in %1").arg(QString::fromUtf8(m_model->timeZone().id())));
    refreshStatuses();
    updateCount();
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(AppointmentModel::Client, qMin(m_table->columnWidth(AppointmentModel::Client), 260));
    m_table->setColumnWidth(AppointmentModel::Email, qMin(m_table->columnWidth(AppointmentModel::Email), 230));
}

void AppointmentsView::setTimeZone(const QTimeZone &tz)
{
    m_model->setTimeZone(tz);
    m_zone->setText(tr("times in %1").arg(QString::fromUtf8(m_model->timeZone().id())));
    m_calendar->setCounts(m_model->countsPerDay());
    updateCount();
}

void AppointmentsView::selectDay(const QDate &day)
{
    m_proxy->setDay(day);
    m_dayChip->setText(QStringLiteral("%1  ✕").arg(QLocale().toString(day, QLocale::ShortFormat)));
    m_dayChip->show();
    updateCount();
}

void AppointmentsView::clearDay()
{
    m_proxy->setDay({});
    m_proxy->setRange(AppointmentFilterModel::Range(m_range->currentData().toInt()));
    m_dayChip->hide();
    updateCount();
}

Result<qint64> AppointmentsView::exportCsv(const QString &path)
{
    return db::CsvExport::writeFile(m_proxy, path);
}

void AppointmentsView::refreshStatuses()
{
    const QString current = m_status->currentData().toString();
    m_status->blockSignals(true);
    while (m_status->count() > 1)
        m_status->removeItem(1);
    for (const QString &s : m_model->statuses())
        m_status->addItem(s, s);
    m_status->setCurrentIndex(qMax(0, m_status->findData(current)));
    m_status->blockSignals(false);
}

void AppointmentsView::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

void AppointmentsView::showDetail()
{
    const QModelIndex idx = m_proxy->mapToSource(m_table->currentIndex());
    const db::Appointment *a = m_model->at(idx.row());
    if (!a) {
        m_detail->clear();
        return;
    }
    const QTimeZone tz = m_model->timeZone();
    auto esc = [](const QString &s) { return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")); };
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(a->clientName));
    if (!a->organization.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(a->organization));
    html += QStringLiteral("<p><b>%1</b><br>%2 – %3 <small>(%4)</small><br><small>%5 your time</small></p>")
                .arg(esc(a->service), a->startsAt.toTimeZone(tz).toString(QStringLiteral("ddd d MMM yyyy, HH:mm")),
                     a->endsAt.isValid() ? a->endsAt.toTimeZone(tz).toString(QStringLiteral("HH:mm")) : QStringLiteral("?"),
                     QString::fromUtf8(tz.id()), a->startsAt.toLocalTime().toString(QStringLiteral("HH:mm")));
    html += QStringLiteral("<p>Status: <b>%1</b></p>").arg(esc(a->status));
    if (!a->clientEmail.isEmpty())
        html += QStringLiteral("<p><a href=\"mailto:%1\">%2</a><br>%3</p>")
                    .arg(QString::fromUtf8(QUrl::toPercentEncoding(a->clientEmail, "@.+")), esc(a->clientEmail), esc(a->clientPhone));
    if (!a->projectTypes.isEmpty())
        html += QStringLiteral("<p>Projects: %1</p>").arg(esc(a->projectTypes.join(QStringLiteral(", "))));
    if (!a->notes.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(a->notes));
    m_detail->setHtml(html);
}

} // namespace vigia::ui
