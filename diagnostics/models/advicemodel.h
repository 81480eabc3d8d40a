// The index advisor's result (advisor::Advice) as table models for the Indexes panel:
// the proposed candidates, the unused indexes and the duplicate / redundant ones. Each model
// holds the immutable Advice it was given and resets on a new one (a new advice is a new
// answer, not an update of rows). Nothing in here is ever executed.
#pragma once

#include "advisor/advice.h"
#include "models/modelroles.h"

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace dbt {

using AdvicePtr = std::shared_ptr<const advisor::Advice>;

// Roles beyond modelroles.h, for the panel and its tests.
enum AdviceRole : int {
    DdlRole = Qt::UserRole + 40, // QString: the DDL of the row (candidates, unused, redundant)
    ValidatedRole,               // bool: candidate validated with HypoPG
};

class AdviceCandidatesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Table, Columns, Method, Cost, Saving, Size, Statements, Caveats, ColumnCount };

    explicit AdviceCandidatesModel(QObject* parent = nullptr);

    void setAdvice(AdvicePtr advice);
    AdvicePtr advice() const { return advice_; }
    const advisor::Proposal* proposalAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    // "validated with HypoPG" / "heuristic, not validated".
    static QString methodLabel(const advisor::Proposal& p);
    // "schema.table".
    static QString tableText(const advisor::Candidate& c);
    // "a, b DESC, c text_pattern_ops" (+ " (GIN)" for a non-btree method).
    static QString columnsText(const advisor::Candidate& c);
    // Σ cost before / after over the statements it helps; after unknown for heuristics.
    static double costBefore(const advisor::Proposal& p);
    static std::optional<double> costAfter(const advisor::Proposal& p);
    // Fraction of the cost saved (0..1), unknown for heuristics.
    static std::optional<double> saving(const advisor::Proposal& p);
    // Σ share of the window's statement time of the statements it helps (0..1).
    static double share(const advisor::Proposal& p);
    static QString costText(double cost);
    // The advisor's sentences in the user's language (diagnostics/i18n): the candidate's
    // reason, the proposal's caveats, the advice's notes and when its statistics started
    // (advice read from JSON: the English ones).
    static QString reasonText(const advisor::Candidate& c);
    static QStringList caveatsText(const advisor::Proposal& p);
    static QStringList notesText(const advisor::Advice& a);
    static QString statsResetText(const advisor::Advice& a);

private:
    AdvicePtr advice_;
};

class UnusedIndexesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Index, Table, Size, Why, Definition, ColumnCount };

    explicit UnusedIndexesModel(QObject* parent = nullptr);

    void setAdvice(AdvicePtr advice);
    const advisor::UnusedIndex* indexAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    // "0 scans since the statistics reset at …" (or "since the statistics were last reset").
    static QString whyText(const advisor::UnusedIndex& u, const std::string& statsReset);

private:
    AdvicePtr advice_;
};

class RedundantIndexesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Index, Table, Size, Why, Definition, ColumnCount };

    explicit RedundantIndexesModel(QObject* parent = nullptr);

    void setAdvice(AdvicePtr advice);
    const advisor::RedundantIndex* indexAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    // "duplicate of orders_created_at" / "prefix of orders_a_b: that index serves it too".
    static QString whyText(const advisor::RedundantIndex& r);

private:
    AdvicePtr advice_;
};

} // namespace dbt
