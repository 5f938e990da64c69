using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MYK10.Participation.Surveys;

/// <summary>
/// The answers of one survey summed per municipality of the respondent (null = unknown) in a single pass:
/// counts per question, item and value; responses per question; count, sum, minimum and maximum per numeric item.
/// </summary>
/// <remarks>
/// The pass reads the answers ordered by response and question, so a response that answered several items of one
/// question is counted once by comparing with the previous row instead of keeping a set of responses. Numbers are
/// converted by SQLite (CAST AS REAL) and summed the way SQLite's sum() does, so the results match SQL aggregation.
/// A large survey has a million answers, so the pass reads through SQLite's statement API rather than a data reader
/// and makes each distinct text once: items and values repeat, and equal texts can then be compared by reference.
/// </remarks>
internal sealed class SurveyAnswerTotals
{
    private readonly Dictionary<(string? Segment, long QuestionId), Bucket> _buckets = [];
    private readonly HashSet<string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, string> _shortTexts = [];

    public IEnumerable<(string? Segment, long QuestionId, string Item, string Value, long Count)> Counts =>
        _buckets.SelectMany(b => b.Value.Counts.Select(c => (b.Key.Segment, b.Key.QuestionId, c.Key.Item, c.Key.Value, c.Value)));

    public IEnumerable<(string? Segment, long QuestionId, long Responses)> Answered =>
        _buckets.Select(b => (b.Key.Segment, b.Key.QuestionId, b.Value.Responses));

    public IEnumerable<(string? Segment, long QuestionId, string Item, NumberSum Numbers)> Numbers =>
        _buckets.SelectMany(b => b.Value.Numbers.Select(n => (b.Key.Segment, b.Key.QuestionId, n.Key, n.Value)));

    public static SurveyAnswerTotals Read(SqliteConnection connection, long surveyId, IReadOnlySet<long> counted, IReadOnlySet<long> numeric,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string sql = """
            SELECT r.municipality_id AS Segment, a.response_id AS ResponseId, a.question_id AS QuestionId, a.item AS Item,
                   a.value AS Value, CAST(a.value AS REAL) AS Number
            FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
            WHERE r.survey_id = ?1
            ORDER BY r.id, a.question_id
            """;
        var totals = new SurveyAnswerTotals();
        var other = totals.Text(Encoding.UTF8.GetBytes(QuestionSettings.OtherItem));
        var one = totals.Text("1"u8);
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        using (statement)
        {
            Check(raw.sqlite3_bind_int64(statement, 1, surveyId), db);
            long previousResponse = 0, previousQuestion = 0;
            string? segment = null;
            Bucket? bucket = null;
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var responseId = raw.sqlite3_column_int64(statement, 1);
                var questionId = raw.sqlite3_column_int64(statement, 2);
                if (bucket is null || responseId != previousResponse)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    segment = raw.sqlite3_column_type(statement, 0) == raw.SQLITE_NULL ? null : totals.Text(raw.sqlite3_column_blob(statement, 0));
                }

                if (bucket is null || responseId != previousResponse || questionId != previousQuestion)
                {
                    ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(totals._buckets, (segment, questionId), out _);
                    bucket = slot ??= new Bucket(counted.Contains(questionId), numeric.Contains(questionId));
                    bucket.Responses++;
                    previousResponse = responseId;
                    previousQuestion = questionId;
                }

                if (!bucket.IsCounted && !bucket.IsNumeric)
                {
                    continue;
                }

                var item = totals.Text(raw.sqlite3_column_blob(statement, 3));
                if (bucket.IsCounted)
                {
                    var value = ReferenceEquals(item, other) ? one : totals.Text(raw.sqlite3_column_blob(statement, 4));
                    CollectionsMarshal.GetValueRefOrAddDefault(bucket.Counts, (item, value), out _)++;
                }

                if (bucket.IsNumeric)
                {
                    ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(bucket.Numbers, item, out _);
                    (sum ??= new NumberSum()).Add(raw.sqlite3_column_double(statement, 5));
                }
            }

            Check(step == raw.SQLITE_DONE ? raw.SQLITE_OK : step, db);
        }

        return totals;
    }

    /// <summary>The one string of this text; short texts are found by their bytes without decoding them.</summary>
    private string Text(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < sizeof(ulong))
        {
            var packed = (ulong)utf8.Length;
            for (var i = 0; i < utf8.Length; i++)
            {
                packed |= (ulong)utf8[i] << (8 * (i + 1));
            }

            ref var text = ref CollectionsMarshal.GetValueRefOrAddDefault(_shortTexts, packed, out _);
            return text ??= Intern(Encoding.UTF8.GetString(utf8));
        }

        return Intern(Encoding.UTF8.GetString(utf8));
    }

    private string Intern(string text)
    {
        if (_texts.TryGetValue(text, out var known))
        {
            return known;
        }

        _texts.Add(text);
        return text;
    }

    private static void Check(int result, sqlite3 db)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, db);
        }
    }

    /// <summary>What one segment answered to one question. Texts in the keys are the interned ones, so compared by reference.</summary>
    private sealed class Bucket(bool isCounted, bool isNumeric)
    {
        public bool IsCounted { get; } = isCounted;

        public bool IsNumeric { get; } = isNumeric;

        public long Responses { get; set; }

        public Dictionary<(string Item, string Value), long> Counts { get; } = new(SameTexts.Instance);

        public Dictionary<string, NumberSum> Numbers { get; } = new(ReferenceEqualityComparer.Instance);
    }

    private sealed class SameTexts : IEqualityComparer<(string, string)>
    {
        public static readonly SameTexts Instance = new();

        public bool Equals((string, string) x, (string, string) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((string, string) obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }
}

/// <summary>Count, sum, minimum and maximum of a series of numbers; the sum is compensated as in SQLite's sum().</summary>
internal sealed class NumberSum
{
    private double _sum;
    private double _error;

    public long Count { get; private set; }

    public double Total => _sum + _error;

    public double Minimum { get; private set; }

    public double Maximum { get; private set; }

    public void Add(double value)
    {
        // Kahan-Babuska-Neumaier summation, the algorithm of SQLite's sum() and total() for floating-point input.
        var t = _sum + value;
        _error += Math.Abs(_sum) > Math.Abs(value) ? _sum - t + value : value - t + _sum;
        _sum = t;
        Minimum = Count == 0 ? value : Math.Min(Minimum, value);
        Maximum = Count == 0 ? value : Math.Max(Maximum, value);
        Count++;
    }
}
