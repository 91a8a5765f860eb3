#pragma once
// Quote requests, newest first: search, status, project types as tags, a detail
// pane with the message, and the contact's email to copy or open (mailto:).
#include "core/Result.h"
#include "db/QuoteModel.h"

#include <QWidget>

class QPushButton;
class QTableView;
class QTextBrowser;

namespace vigia::ui {

class FilterBar;

class QuotesView : public QWidget {
    Q_OBJECT
public:
    explicit QuotesView(QWidget *parent = nullptr);
    void setQuotes(QList<db::Quote> rows);
    void setTimeZone(const QTimeZone &tz) { m_model->setTimeZone(tz); }
    db::QuoteModel *model() const { return m_model; }
    db::QuoteFilterModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    FilterBar *filterBar() const { return m_bar; }
    const db::Quote *currentQuote() const;
    void copyEmail();
    Result<qint64> exportCsv(const QString &path);

private:
    void showDetail();
    void updateCount();
    db::QuoteModel *m_model;
    db::QuoteFilterModel *m_proxy;
    FilterBar *m_bar;
    QTableView *m_table;
    QTextBrowser *m_detail;
    QPushButton *m_copy;
    QPushButton *m_mail;
};

} // namespace vigia::ui
