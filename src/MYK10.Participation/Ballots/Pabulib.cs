using System.Globalization;
using System.Text;

namespace MYK10.Participation.Ballots;

/// <summary>A project of a Pabulib file: its id, its cost in whole euros, its name.</summary>
public sealed record PbProject(string Id, long Cost, string Name);

/// <summary>A voter's ballot: the project ids (in preference order for ordinal files) and, for cumulative files, the points.</summary>
public sealed record PbVote(string VoterId, IReadOnlyList<string> ProjectIds, IReadOnlyList<long>? Points = null);

/// <summary>A participatory-budgeting instance in the <c>.pb</c> format of the Pabulib library (pabulib.org).</summary>
public sealed record PbFile(IReadOnlyList<KeyValuePair<string, string>> Meta, IReadOnlyList<PbProject> Projects, IReadOnlyList<PbVote> Votes)
{
    public string? MetaValue(string key) => Meta.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.Ordinal)).Value;

    /// <summary>approval, cumulative, ordinal or choose-1.</summary>
    public string VoteType => MetaValue("vote_type") ?? "approval";

    public long Budget => long.Parse(MetaValue("budget") ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);
}

/// <summary>A <c>.pb</c> file that cannot be read; the message names the line.</summary>
public sealed class PbFormatException : Exception
{
    public PbFormatException(int line, string problem) : base($"line {line}: {problem}")
    {
        Line = line;
        Problem = problem;
    }

    public PbFormatException() : this(0, "malformed file")
    {
    }

    public PbFormatException(string message) : base(message)
    {
        Problem = message;
    }

    public PbFormatException(string message, Exception innerException) : base(message, innerException)
    {
        Problem = message;
    }

    public int Line { get; }

    public string Problem { get; } = string.Empty;
}

/// <summary>
/// Reads and writes the Pabulib format: three sections META, PROJECTS and VOTES, each a header line and
/// semicolon-separated rows (fields with a semicolon or quote are quoted as in CSV).
/// </summary>
public static class Pabulib
{
    public static readonly IReadOnlySet<string> VoteTypes = new HashSet<string>(StringComparer.Ordinal) { "approval", "cumulative", "ordinal", "choose-1" };

    public static PbFile Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new List<string>();
        for (var text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            lines.Add(lines.Count == 0 ? text.TrimStart('\uFEFF') : text);
        }

        var cursor = new Cursor(lines);
        var meta = ReadMeta(cursor);
        var projects = ReadProjects(cursor);
        var votes = ReadVotes(cursor, meta, projects);
        var file = new PbFile(meta.Rows, projects.List, votes);
        CheckCount(file, meta, "num_projects", projects.List.Count);
        CheckCount(file, meta, "num_votes", votes.Count);
        return file;
    }

    public static PbFile Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    public static void Write(PbFile file, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(writer);
        var cumulative = file.VoteType == "cumulative";
        writer.WriteLine("META");
        writer.WriteLine("key;value");
        foreach (var (key, value) in file.Meta)
        {
            writer.WriteLine(Join(key, value));
        }

        writer.WriteLine("PROJECTS");
        writer.WriteLine("project_id;cost;votes;name");
        var support = file.Votes.SelectMany(v => v.ProjectIds).GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var project in file.Projects)
        {
            writer.WriteLine(Join(project.Id, Number(project.Cost), Number(support.GetValueOrDefault(project.Id)), project.Name));
        }

        writer.WriteLine("VOTES");
        writer.WriteLine(cumulative ? "voter_id;vote;points" : "voter_id;vote");
        foreach (var vote in file.Votes)
        {
            var ids = string.Join(',', vote.ProjectIds);
            writer.WriteLine(cumulative
                ? Join(vote.VoterId, ids, string.Join(',', (vote.Points ?? []).Select(Number)))
                : Join(vote.VoterId, ids));
        }
    }

    public static string Write(PbFile file)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(file, writer);
        return writer.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Cursor(List<string> lines)
    {
        public int Index { get; set; }

        /// <summary>1-based number of the current line; the line after the last one at the end.</summary>
        public int LineNumber => Index + 1;

        public bool AtEnd => Index >= lines.Count;

        public string Current => lines[Index];

        public bool AtSection(string name) => !AtEnd && string.Equals(Current.Trim(), name, StringComparison.OrdinalIgnoreCase);

        public bool AtAnySection => AtSection("META") || AtSection("PROJECTS") || AtSection("VOTES");

        public void SkipBlank()
        {
            while (!AtEnd && Current.Trim().Length == 0)
            {
                Index++;
            }
        }

        /// <summary>Reads the section's name and its header; returns the header's column names.</summary>
        public List<string> Section(string name)
        {
            SkipBlank();
            if (!AtSection(name))
            {
                throw new PbFormatException(LineNumber, AtEnd
                    ? $"section {name} is missing (end of file reached)"
                    : $"expected section {name}, found '{Shorten(Current)}'");
            }

            Index++;
            SkipBlank();
            if (AtEnd || AtAnySection)
            {
                throw new PbFormatException(LineNumber, $"section {name} has no header line");
            }

            var header = Split(Current, LineNumber).Select(h => h.Trim().ToLowerInvariant()).ToList();
            Index++;
            return header;
        }

        /// <summary>The rows up to the next section or the end, with their line numbers.</summary>
        public IEnumerable<(int Line, List<string> Fields)> Rows()
        {
            while (!AtEnd && !AtAnySection)
            {
                var line = LineNumber;
                var text = Current;
                Index++;
                if (text.Trim().Length > 0)
                {
                    yield return (line, Split(text, line));
                }
            }
        }
    }

    private sealed record MetaSection(List<KeyValuePair<string, string>> Rows, Dictionary<string, int> Lines);

    private sealed record ProjectSection(List<PbProject> List, HashSet<string> Ids);

    private static MetaSection ReadMeta(Cursor cursor)
    {
        var header = cursor.Section("META");
        var headerLine = cursor.LineNumber - 1;
        if (header.Count < 2 || header[0] != "key" || header[1] != "value")
        {
            throw new PbFormatException(headerLine, "the META header must be 'key;value'");
        }

        var rows = new List<KeyValuePair<string, string>>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in cursor.Rows())
        {
            if (fields.Count < 2)
            {
                throw new PbFormatException(line, "a META row needs a key and a value separated by ';'");
            }

            var key = fields[0].Trim();
            if (!lines.TryAdd(key, line))
            {
                throw new PbFormatException(line, $"META key '{key}' appears twice");
            }

            rows.Add(new(key, string.Join(';', fields.Skip(1)).Trim()));
        }

        var meta = new MetaSection(rows, lines);
        var voteType = Value(meta, "vote_type") ?? "approval";
        if (!VoteTypes.Contains(voteType))
        {
            throw new PbFormatException(lines.GetValueOrDefault("vote_type"),
                $"vote_type '{voteType}' is not supported (use approval, cumulative, ordinal or choose-1)");
        }

        var budget = Value(meta, "budget") ?? throw new PbFormatException(headerLine, "META has no budget");
        if (!TryWholeNumber(budget, out var b) || b < 0)
        {
            throw new PbFormatException(lines["budget"], $"budget '{budget}' is not a whole non-negative number");
        }

        return meta;
    }

    private static string? Value(MetaSection meta, string key) => meta.Rows.FirstOrDefault(r => r.Key == key).Value;

    private static ProjectSection ReadProjects(Cursor cursor)
    {
        var header = cursor.Section("PROJECTS");
        var headerLine = cursor.LineNumber - 1;
        var idColumn = Column(header, "project_id", headerLine, "PROJECTS");
        var costColumn = Column(header, "cost", headerLine, "PROJECTS");
        var nameColumn = header.IndexOf("name");
        var section = new ProjectSection([], new HashSet<string>(StringComparer.Ordinal));
        foreach (var (line, fields) in cursor.Rows())
        {
            if (fields.Count != header.Count)
            {
                throw new PbFormatException(line, $"expected {header.Count} fields as in the PROJECTS header, found {fields.Count}");
            }

            var id = fields[idColumn].Trim();
            if (id.Length == 0)
            {
                throw new PbFormatException(line, "project_id is empty");
            }

            if (!section.Ids.Add(id))
            {
                throw new PbFormatException(line, $"project_id '{id}' appears twice");
            }

            if (!TryWholeNumber(fields[costColumn], out var cost) || cost < 0)
            {
                throw new PbFormatException(line, $"cost '{fields[costColumn].Trim()}' of project {id} is not a whole non-negative number");
            }

            var name = nameColumn >= 0 ? fields[nameColumn].Trim() : string.Empty;
            section.List.Add(new PbProject(id, cost, name.Length == 0 ? $"Projekt {id}" : name));
        }

        return section;
    }

    private static List<PbVote> ReadVotes(Cursor cursor, MetaSection meta, ProjectSection projects)
    {
        var header = cursor.Section("VOTES");
        var headerLine = cursor.LineNumber - 1;
        var voterColumn = Column(header, "voter_id", headerLine, "VOTES");
        var voteColumn = Column(header, "vote", headerLine, "VOTES");
        var cumulative = (Value(meta, "vote_type") ?? "approval") == "cumulative";
        var chooseOne = Value(meta, "vote_type") == "choose-1";
        var pointsColumn = cumulative ? Column(header, "points", headerLine, "VOTES") : -1;
        var voters = new HashSet<string>(StringComparer.Ordinal);
        var votes = new List<PbVote>();
        foreach (var (line, fields) in cursor.Rows())
        {
            if (fields.Count != header.Count)
            {
                throw new PbFormatException(line, $"expected {header.Count} fields as in the VOTES header, found {fields.Count}");
            }

            var voter = fields[voterColumn].Trim();
            if (voter.Length == 0 || !voters.Add(voter))
            {
                throw new PbFormatException(line, voter.Length == 0 ? "voter_id is empty" : $"voter_id '{voter}' appears twice");
            }

            var ids = List(fields[voteColumn]);
            foreach (var id in ids)
            {
                if (!projects.Ids.Contains(id))
                {
                    throw new PbFormatException(line, $"vote of voter {voter} names project '{id}', which is not in PROJECTS");
                }
            }

            if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
            {
                throw new PbFormatException(line, $"vote of voter {voter} names a project twice");
            }

            if (chooseOne && ids.Count > 1)
            {
                throw new PbFormatException(line, $"vote of voter {voter} names {ids.Count} projects in a choose-1 file");
            }

            List<long>? points = null;
            if (cumulative)
            {
                points = [];
                foreach (var text in List(fields[pointsColumn]))
                {
                    if (!TryWholeNumber(text, out var p) || p < 1 || p > int.MaxValue)
                    {
                        throw new PbFormatException(line, $"points '{text}' of voter {voter} are not a whole positive number");
                    }

                    points.Add(p);
                }

                if (points.Count != ids.Count)
                {
                    throw new PbFormatException(line, $"voter {voter} has {ids.Count} projects but {points.Count} points");
                }
            }

            votes.Add(new PbVote(voter, ids, points));
        }

        return votes;
    }

    private static void CheckCount(PbFile file, MetaSection meta, string key, int actual)
    {
        if (file.MetaValue(key) is { } text && (!TryWholeNumber(text, out var expected) || expected != actual))
        {
            throw new PbFormatException(meta.Lines[key], $"{key} is {text}, but the file has {actual}");
        }
    }

    private static int Column(List<string> header, string name, int line, string section)
    {
        var index = header.IndexOf(name);
        return index >= 0 ? index : throw new PbFormatException(line, $"the {section} header has no '{name}' column");
    }

    private static List<string> List(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Whole numbers; "1500.0" and "1500.00" as some Pabulib files write them are whole too.</summary>
    private static bool TryWholeNumber(string text, out long value)
    {
        value = 0;
        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || number != decimal.Truncate(number) || number > long.MaxValue || number < long.MinValue)
        {
            return false;
        }

        value = (long)number;
        return true;
    }

    private static List<string> Split(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new PbFormatException(lineNumber, "a quoted field is not closed");
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static string Join(params string[] fields) => string.Join(';', fields.Select(Quote));

    private static string Quote(string field)
    {
        var clean = field.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return clean.Contains(';', StringComparison.Ordinal) || clean.Contains('"', StringComparison.Ordinal)
            ? "\"" + clean.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : clean;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text.Trim() : text[..40].Trim() + "…";
}
