using Microsoft.Data.Sqlite;

namespace MYK10.Participation.Digests;

/// <summary>
/// One block of a council digest (new ideas, answers, surveys, ballots …). Sections are registered in DI
/// (<c>services.AddSingleton&lt;IDigestSection, MySection&gt;()</c>); the builder orders them by <see cref="Order"/>,
/// renders each block and collects every section's figures into the digest's "Beteiligung in Zahlen" table.
/// </summary>
/// <remarks>
/// A feature adds its section in its own registration, as surveys (order 400) and votes (order 500) do:
/// <code>
/// services.AddSingleton&lt;IDigestSection, SurveysDigestSection&gt;();
/// </code>
/// Counts of contributions for the "Beteiligung in Zahlen" table belong in <see cref="Sections.ParticipationFiguresSection"/>
/// (one query per kind of contribution, yielding its area and time), so that the table keeps one order and a round
/// counts each kind once for all councils.
/// A block with news makes the digest non-empty; a figure with a count in the period does too.
/// </remarks>
public interface IDigestSection
{
    /// <summary>Position in the digest, ascending. Built-in: 100 new ideas, 200 most supported, 300 official answers,
    /// 400/500 free for surveys and ballots, 800 participation figures, 900 moderation backlog.</summary>
    int Order { get; }

    /// <summary>Reads what happened in the council's area in <see cref="DigestContext.Period"/>. Runs inside the
    /// round's transaction: use <paramref name="query"/> for every statement and only read.</summary>
    Task<DigestBlock> BuildAsync(DigestContext context, DigestQuery query, CancellationToken cancellationToken);
}

/// <summary>The connection and transaction a section reads through.</summary>
public sealed record DigestQuery(SqliteConnection Connection, SqliteTransaction? Transaction);

/// <param name="AreaId">The municipality of the council, or null for the whole county.</param>
/// <param name="AreaName">For example "Andernach" or "Mayen-Koblenz".</param>
/// <param name="Link">Turns a site path into an absolute link for the mail.</param>
public sealed record DigestContext(
    long CouncilId,
    string CouncilName,
    string? AreaId,
    string AreaName,
    DigestPeriod Period,
    Func<string, string> Link);

/// <summary>A period [Start, End) in UTC, and the equally long period just before it for comparisons.</summary>
public sealed record DigestPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public DigestPeriod Previous => new(Start - Length, Start);
}

/// <summary>What a section contributes.</summary>
/// <param name="Heading">German heading of the block; null for a section that contributes figures only.</param>
/// <param name="Text">Plain-text body of the block (without heading), lines separated by \n.</param>
/// <param name="Html">HTML body of the block (without heading), inline styles only, no images.</param>
/// <param name="HasNews">True when the block reports something new in the period; a digest without news is "empty".</param>
/// <param name="Figures">Rows for the participation table, for example new ideas or survey responses.</param>
public sealed record DigestBlock(string? Heading, string Text, string Html, bool HasNews, IReadOnlyList<DigestFigure> Figures)
{
    public static DigestBlock FiguresOnly(params DigestFigure[] figures) => new(null, string.Empty, string.Empty, false, figures);
}

/// <summary>One row of the participation table: the count in the period, in the previous period and in total.</summary>
public sealed record DigestFigure(string Label, long Period, long Previous, long Total);
