#include "data/QuotesView.h"

#include "data/FilterBar.h"
#include "data/TagDelegate.h"
#include "db/CsvExport.h"

#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace vigia::ui {

using db::QuoteModel;

QuotesView::QuotesView(QWidget *parent) : QWidget(parent)
{
    m_model = new QuoteModel(this);
    m_proxy = new db::QuoteFilterModel(this);
    m_proxy->setSourceModel(m_model);
    m_bar = new FilterBar(tr("Search contact, email, company, message, project type…"), this);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(QuoteModel::ProjectTypes,
                                      new TagDelegate(QuoteModel::TagsRole, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_detail = new QTextBrowser(this);
    m_detail->setOpenExternalLinks(true);
    m_detail->setPlaceholderText(tr("Select a quote request"));
    m_copy = new QPushButton(tr("Copy email"), this);
    m_mail = new QPushButton(tr("Write email…"), this);
    m_copy->setEnabled(false);
    m_mail->setEnabled(false);
    auto *side = new QWidget(this);
    auto *sideLay = new QVBoxLayout(side);
    sideLay->setContentsMargins(0, 0, 0, 0);
    sideLay->addWidget(m_detail, 1);
    auto *btns = new QHBoxLayout;
    btns->addWidget(m_copy);
    btns->addWidget(m_mail);
    sideLay->addLayout(btns);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->addWidget(m_bar);
    lay->addWidget(split, 1);

    connect(m_bar, &FilterBar::searchChanged, this, [this](const QString &t) {
        m_proxy->setSearchText(t);
        updateCount();
    });
    connect(m_bar, &FilterBar::statusChanged, this, [this](const QString &s) {
        m_proxy->setStatus(s);
        updateCount();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &QuotesView::showDetail);
    connect(m_copy, &QPushButton::clicked, this, &QuotesView::copyEmail);
    connect(m_mail, &QPushButton::clicked, this, [this] {
        if (const db::Quote *q = currentQuote())
            QDesktopServices::openUrl(QuoteModel::mailtoUrl(*q));
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &idx) {
        if (idx.column() == QuoteModel::Email) {
            if (const db::Quote *q = currentQuote())
                QDesktopServices::openUrl(QuoteModel::mailtoUrl(*q));
        }
    });
    connect(m_bar, &FilterBar::exportRequested, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export quotes"), QStringLiteral("cotizaciones.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            (void)exportCsv(path);
    });
}

void QuotesView::setQuotes(QList<db::Quote> rows)
{
    m_model->setQuotes(std::move(rows));
    m_bar->setStatuses(m_model->statuses());
    updateCount();
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(QuoteModel::ProjectTypes, 300);
    m_table->setColumnWidth(QuoteModel::Email, qMin(m_table->columnWidth(QuoteModel::Email), 220));
    m_table->setColumnWidth(QuoteModel::Contact, qMin(m_table->columnWidth(QuoteModel::Contact), 200));
    m_table->setColumnWidth(QuoteModel::Company, qMin(m_table->columnWidth(QuoteModel::Company), 220));
}

const db::Quote *QuotesView::currentQuote() const
{
    return m_model->at(m_proxy->mapToSource(m_table->currentIndex()).row());
}

void QuotesView::copyEmail()
{
    if (const db::Quote *q = currentQuote())
        QGuiApplication::clipboard()->setText(q->contactEmail);
}

Result<qint64> QuotesView::exportCsv(const QString &path)
{
    return db::CsvExport::writeFile(m_proxy, path);
}

void QuotesView::updateCount()
{
    m_bar->setCount(m_proxy->rowCount(), m_model->rowCount());
}

void QuotesView::showDetail()
{
    const db::Quote *q = currentQuote();
    m_copy->setEnabled(q && !q->contactEmail.isEmpty());
    m_mail->setEnabled(q && !q->contactEmail.isEmpty());
    if (!q) {
        m_detail->clear();
        return;
    }
    auto esc = [](const QString &s) {
        return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    };
    QString html = QStringLiteral("<h3>%1</h3>").arg(esc(q->contactName));
    if (!q->company.isEmpty())
        html += QStringLiteral("<p>%1 <small>(%2)</small></p>").arg(esc(q->company), esc(q->clientType));
    html += QStringLiteral("<p><a href=\"%1\">%2</a><br>%3</p>")
                .arg(QuoteModel::mailtoUrl(*q).toString(QUrl::FullyEncoded).toHtmlEscaped(),
                     esc(q->contactEmail), esc(q->contactPhone));
    html +=
        tr("<p>Received %1 · status <b>%2</b> · via %3</p>")
            .arg(QLocale().toString(q->createdAt.toTimeZone(m_model->timeZone()), QStringLiteral("d MMM yyyy, HH:mm")),
                 esc(q->status), esc(q->source));
    html += tr("<p>Project: %1<br>Budget: %2<br>Deadline: %3</p>")
                .arg(esc(q->projectTypes.join(QStringLiteral(", "))), esc(QuoteModel::budgetText(*q)),
                     esc(q->deadline));
    html += QStringLiteral("<blockquote>%1</blockquote>").arg(esc(q->message));
    m_detail->setHtml(html);
}

} // namespace vigia::ui
