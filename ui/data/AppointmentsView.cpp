#include "data/AppointmentsView.h"

#include "data/CountCalendar.h"
#include "data/FilterBar.h"
#include "db/CsvExport.h"

#include <QLocale>
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

using db::AppointmentModel;

AppointmentsView::AppointmentsView(QWidget *parent) : QWidget(parent)
{
    m_model = new AppointmentModel(this);

    m_bar = new FilterBar(tr("Search name, email, service, notes…"), this);
    m_range = new QComboBox(this);
    m_range->addItem(tr("All"), int(AppointmentModel::Range::All));
    m_range->addItem(tr("Today"), int(AppointmentModel::Range::Today));
    m_range->addItem(tr("This week"), int(AppointmentModel::Range::ThisWeek));
    m_range->addItem(tr("Upcoming"), int(AppointmentModel::Range::Upcoming));
    m_range->addItem(tr("Past"), int(AppointmentModel::Range::Past));
    m_bar->addLeading(m_range);
    m_dayChip = new QToolButton(this);
    m_dayChip->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_dayChip->setToolTip(tr("Showing one day; click to show the range again"));
    m_dayChip->hide();
    m_bar->addTrailing(m_dayChip);
    m_zone = new QLabel(this);
    m_zone->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_bar->addAfterCount(m_zone);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AppointmentModel::Start, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    // Column widths from the first rows only: the list may hold a million lazily read rows.
    m_table->horizontalHeader()->setResizeContentsPrecision(100);

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
    lay->addWidget(m_bar);
    lay->addWidget(split, 1);

    // An agenda starts at what comes next.
    m_range->setCurrentIndex(m_range->findData(int(AppointmentModel::Range::Upcoming)));
    m_model->setRange(AppointmentModel::Range::Upcoming);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setRange(AppointmentModel::Range(m_range->currentData().toInt()));
        m_dayChip->hide();
        updateCount();
    });
    connect(m_bar, &FilterBar::searchChanged, this, [this](const QString &t) {
        m_model->setSearchText(t);
        updateCount();
    });
    connect(m_bar, &FilterBar::statusChanged, this, [this](const QString &s) {
        m_model->setStatus(s);
        updateCount();
    });
    connect(m_model, &AppointmentModel::loaded, this, [this](bool ok, const QString &error) {
        if (ok)
            onLoaded();
        emit loaded(ok, error);
    });
    connect(m_calendar, &QCalendarWidget::clicked, this, &AppointmentsView::selectDay);
    connect(m_dayChip, &QToolButton::clicked, this, &AppointmentsView::clearDay);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AppointmentsView::showDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AppointmentsView::showDetail);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AppointmentsView::updateCount);
    connect(m_bar, &FilterBar::exportRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export appointments"),
                                                          QStringLiteral("citas.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            (void)exportCsv(path);
    });
}

QLineEdit *AppointmentsView::searchField() const
{
    return m_bar->searchField();
}

void AppointmentsView::openSnapshot(const QString &dbPath, const db::AppointmentMapping &mapping)
{
    m_model->openSnapshot(dbPath, mapping);
}

void AppointmentsView::setAppointments(QList<db::Appointment> rows)
{
    m_model->setAppointments(std::move(rows));
    onLoaded();
}

void AppointmentsView::onLoaded()
{
    m_calendar->setCounts(m_model->countsPerDay());
    m_zone->setText(tr("times in %1").arg(QString::fromUtf8(m_model->timeZone().id())));
    m_bar->setStatuses(m_model->statuses());
    updateCount();
    // Only the visible rows are measured (a lazy model must not be read whole for widths).
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(AppointmentModel::Client,
                            qMin(m_table->columnWidth(AppointmentModel::Client), 260));
    m_table->setColumnWidth(AppointmentModel::Email,
                            qMin(m_table->columnWidth(AppointmentModel::Email), 230));
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
    m_model->setDay(day);
    m_dayChip->setText(QStringLiteral("%1  ✕").arg(QLocale().toString(day, QLocale::ShortFormat)));
    m_dayChip->show();
    updateCount();
}

void AppointmentsView::clearDay()
{
    m_model->setRange(AppointmentModel::Range(m_range->currentData().toInt()));
    m_dayChip->hide();
    updateCount();
}

Result<qint64> AppointmentsView::exportCsv(const QString &path)
{
    return db::CsvExport::writeFile(m_model, path);
}

void AppointmentsView::updateCount()
{
    if (m_model->isPreview())
        m_bar->countLabel()->setText(tr("indexing…"));
    else
        m_bar->setCount(m_model->rowCount(), m_model->totalCount());
}

void AppointmentsView::showDetail()
{
    const db::Appointment *a = m_model->at(m_table->currentIndex().row());
    if (!a) {
        m_detail->clear();
        return;
    }
    const QTimeZone tz = m_model->timeZone();
    auto esc = [](const QString &s) {
        return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    };
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(a->clientName));
    if (!a->organization.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(a->organization));
    html += tr("<p><b>%1</b><br>%2 – %3 <small>(%4)</small><br><small>%5 your time</small></p>")
                .arg(esc(a->service),
                     QLocale().toString(a->startsAt.toTimeZone(tz), QStringLiteral("ddd d MMM yyyy, HH:mm")),
                     a->endsAt.isValid() ? a->endsAt.toTimeZone(tz).toString(QStringLiteral("HH:mm"))
                                         : QStringLiteral("?"),
                     QString::fromUtf8(tz.id()), a->startsAt.toLocalTime().toString(QStringLiteral("HH:mm")));
    html += tr("<p>Status: <b>%1</b></p>").arg(esc(a->status));
    if (!a->clientEmail.isEmpty())
        html += QStringLiteral("<p><a href=\"mailto:%1\">%2</a><br>%3</p>")
                    .arg(QString::fromUtf8(QUrl::toPercentEncoding(a->clientEmail, "@.+")),
                         esc(a->clientEmail), esc(a->clientPhone));
    if (!a->projectTypes.isEmpty())
        html += tr("<p>Projects: %1</p>").arg(esc(a->projectTypes.join(QStringLiteral(", "))));
    if (!a->notes.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(a->notes));
    m_detail->setHtml(html);
}

} // namespace vigia::ui
