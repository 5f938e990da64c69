using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using MYK10.Participation.Administration;
using MYK10.Participation.Data;
using MYK10.Participation.Moderation;

namespace MYK10.Participation.Surveys;

public sealed record SurveyInput(
    string Title,
    string Introduction,
    string MunicipalityId,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    SurveyMode Mode,
    bool Anonymous,
    string ThankYou);

public sealed record QuestionInput(QuestionKind Kind, string Text, string Help, bool Required, QuestionSettings Settings, ConditionMode ConditionMode = ConditionMode.All);

public enum BuilderStatus
{
    Ok,
    NotFound,
    /// <summary>The survey is not in a state that allows the change (only a draft changes its questions).</summary>
    WrongState,
    Invalid,
}

public sealed record BuilderResult(BuilderStatus Status, long? Id = null, string? Problem = null)
{
    public bool Succeeded => Status == BuilderStatus.Ok;

    public static readonly BuilderResult NotFound = new(BuilderStatus.NotFound);
    public static readonly BuilderResult WrongState = new(BuilderStatus.WrongState);

    public static BuilderResult Ok(long? id = null) => new(BuilderStatus.Ok, id);

    public static BuilderResult Invalid(string problem) => new(BuilderStatus.Invalid, Problem: problem);
}

/// <summary>Tells the results job that a survey closed (Hangfire enqueues it; the recurring run is the safety net).</summary>
public interface ISurveyResultsSignal
{
    void SurveyClosed(long surveyId);
}

/// <summary>Admin changes to surveys: the definition while it is a draft, then its life cycle.</summary>
public sealed class SurveyBuilder(IDbConnectionFactory connections, TimeProvider clock, ISurveyResultsSignal resultsSignal)
{
    /// <summary>Problem codes returned with <see cref="BuilderStatus.Invalid"/>; the site shows them in German.</summary>
    public static class Problems
    {
        public const string Options = "Options";
        public const string Rows = "Rows";
        public const string Scale = "Scale";
        public const string Range = "Range";
        public const string Selections = "Selections";
        public const string Times = "Times";
        public const string NoQuestions = "NoQuestions";
        public const string ConditionSource = "ConditionSource";
        public const string LastPage = "LastPage";
        public const string PageTitleTooLong = "PageTitleTooLong";
        public const string ConditionTwice = "ConditionTwice";
    }

    public async Task<long> CreateAsync(SurveyInput input, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string insertSurvey = """
            INSERT INTO surveys (title, introduction, municipality_id, opens_at, closes_at, mode, anonymous, thank_you, created_at, updated_at)
            VALUES (@Title, @Introduction, @MunicipalityId, @OpensAt, @ClosesAt, @Mode, @Anonymous, @ThankYou, @Now, @Now)
            RETURNING id
            """;
        const string insertPage = "INSERT INTO survey_pages (survey_id, position, title) VALUES (@SurveyId, 1, '')";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var id = await connection.ExecuteScalarAsync<long>(insertSurvey, Parameters(input), transaction);
        await connection.ExecuteAsync(insertPage, new { SurveyId = id }, transaction);
        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Create, AdminTarget.Survey(id), input.Title);
        transaction.Commit();
        return id;
    }

    public async Task<BuilderResult> UpdateAsync(long surveyId, SurveyInput input, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        if (input.OpensAt is { } opens && input.ClosesAt is { } closes && opens >= closes)
        {
            return BuilderResult.Invalid(Problems.Times);
        }

        const string sql = """
            UPDATE surveys
            SET title = @Title, introduction = @Introduction, municipality_id = @MunicipalityId, opens_at = @OpensAt,
                closes_at = @ClosesAt, mode = @Mode, anonymous = @Anonymous, thank_you = @ThankYou, updated_at = @Now
            WHERE id = @Id AND status = 'draft'
            """;
        return await ChangeAsync(surveyId, sql, new DynamicParameters(Parameters(input)).With("Id", surveyId), surveyId,
            new Logged(actor, AdminActions.Update, AdminTarget.Survey(surveyId), input.Title), cancellationToken);
    }

    public async Task<BuilderResult> AddPageAsync(long surveyId, string title, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        if (title.Trim().Length > SurveyTextLimits.PageTitle)
        {
            return BuilderResult.Invalid(Problems.PageTitleTooLong);
        }

        const string sql = """
            INSERT INTO survey_pages (survey_id, position, title)
            SELECT @SurveyId, coalesce((SELECT max(position) FROM survey_pages WHERE survey_id = @SurveyId), 0) + 1, @Title
            WHERE EXISTS (SELECT 1 FROM surveys WHERE id = @SurveyId AND status = 'draft')
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        if (await connection.ExecuteScalarAsync<long?>(sql, new { SurveyId = surveyId, Title = title.Trim() }, transaction) is not { } pageId)
        {
            return await MissingOrWrongStateAsync(connection, surveyId, transaction);
        }

        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Create, AdminTarget.SurveyPage(surveyId, pageId), title);
        transaction.Commit();
        return BuilderResult.Ok(pageId);
    }

    public async Task<BuilderResult> UpdatePageAsync(long surveyId, long pageId, string title, ConditionMode conditionMode, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        if (title.Trim().Length > SurveyTextLimits.PageTitle)
        {
            return BuilderResult.Invalid(Problems.PageTitleTooLong);
        }

        const string sql = """
            UPDATE survey_pages SET title = @Title, condition_mode = @Mode
            WHERE id = @PageId AND survey_id = @SurveyId
              AND EXISTS (SELECT 1 FROM surveys WHERE id = @SurveyId AND status = 'draft')
            """;
        return await ChangeAsync(surveyId, sql, new { SurveyId = surveyId, PageId = pageId, Title = title.Trim(), Mode = conditionMode.ToText() }, pageId,
            new Logged(actor, AdminActions.Update, AdminTarget.SurveyPage(surveyId, pageId), title), cancellationToken);
    }

    /// <summary>Deletes a page of a draft with its questions; the pages after it move up one place.</summary>
    public async Task<BuilderResult> DeletePageAsync(long surveyId, long pageId, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string count = "SELECT count(*) FROM survey_pages WHERE survey_id = @SurveyId";
        const string delete = """
            DELETE FROM survey_pages
            WHERE id = @PageId AND survey_id = @SurveyId AND EXISTS (SELECT 1 FROM surveys WHERE id = @SurveyId AND status = 'draft')
            RETURNING position
            """;
        // Through free positions above every page's, since (survey_id, position) is UNIQUE at every row and positions are at least 1.
        const string renumber = """
            UPDATE survey_pages SET position = position + @Offset WHERE survey_id = @SurveyId AND position > @Deleted;
            UPDATE survey_pages SET position = position - @Offset - 1 WHERE survey_id = @SurveyId AND position > @Offset;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        if (await connection.ExecuteScalarAsync<long>(count, new { SurveyId = surveyId }, transaction) <= 1)
        {
            return BuilderResult.Invalid(Problems.LastPage);
        }

        // The log keeps what was deleted: the page's title (the page and its questions are gone afterwards).
        var title = await connection.ExecuteScalarAsync<string?>(PageTitleSql, new { SurveyId = surveyId, PageId = pageId }, transaction);
        if (await connection.ExecuteScalarAsync<long?>(delete, new { SurveyId = surveyId, PageId = pageId }, transaction) is not { } deleted)
        {
            return await MissingOrWrongStateAsync(connection, surveyId, transaction);
        }

        await connection.ExecuteAsync(renumber, new { SurveyId = surveyId, Deleted = deleted, Offset = int.MaxValue / 2 }, transaction);
        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Delete, AdminTarget.SurveyPage(surveyId, pageId), title);
        transaction.Commit();
        return BuilderResult.Ok();
    }

    public async Task<BuilderResult> AddQuestionAsync(long surveyId, long pageId, QuestionInput input, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        if (Check(input) is { } problem)
        {
            return BuilderResult.Invalid(problem);
        }

        const string sql = """
            INSERT INTO survey_questions (survey_id, page_id, position, kind, text, help, required, settings_json, condition_mode)
            SELECT @SurveyId, p.id, coalesce((SELECT max(position) FROM survey_questions WHERE page_id = p.id), 0) + 1,
                   @Kind, @Text, @Help, @Required, @Settings, @ConditionMode
            FROM survey_pages p JOIN surveys s ON s.id = p.survey_id
            WHERE p.id = @PageId AND p.survey_id = @SurveyId AND s.status = 'draft'
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        if (await connection.ExecuteScalarAsync<long?>(sql, QuestionParameters(input, surveyId).With("PageId", pageId), transaction) is not { } questionId)
        {
            return await MissingOrWrongStateAsync(connection, surveyId, transaction);
        }

        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Create, AdminTarget.SurveyQuestion(surveyId, questionId), input.Text);
        transaction.Commit();
        return BuilderResult.Ok(questionId);
    }

    public async Task<BuilderResult> UpdateQuestionAsync(long surveyId, long questionId, QuestionInput input, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        if (Check(input) is { } problem)
        {
            return BuilderResult.Invalid(problem);
        }

        const string sql = """
            UPDATE survey_questions
            SET kind = @Kind, text = @Text, help = @Help, required = @Required, settings_json = @Settings, condition_mode = @ConditionMode
            WHERE id = @QuestionId AND survey_id = @SurveyId AND EXISTS (SELECT 1 FROM surveys WHERE id = @SurveyId AND status = 'draft')
            """;
        return await ChangeAsync(surveyId, sql, QuestionParameters(input, surveyId).With("QuestionId", questionId), questionId,
            new Logged(actor, AdminActions.Update, AdminTarget.SurveyQuestion(surveyId, questionId), input.Text), cancellationToken);
    }

    public async Task<BuilderResult> DeleteQuestionAsync(long surveyId, long questionId, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            DELETE FROM survey_questions
            WHERE id = @QuestionId AND survey_id = @SurveyId AND EXISTS (SELECT 1 FROM surveys WHERE id = @SurveyId AND status = 'draft')
            """;
        return await ChangeAsync(surveyId, sql, new { SurveyId = surveyId, QuestionId = questionId }, null,
            new Logged(actor, AdminActions.Delete, AdminTarget.SurveyQuestion(surveyId, questionId), DetailsBefore: QuestionTextSql), cancellationToken);
    }

    /// <summary>Moves a question one place up (-1) or down (+1) within its page.</summary>
    public async Task<BuilderResult> MoveQuestionAsync(long surveyId, long questionId, int direction, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string find = """
            SELECT q.page_id AS PageId, q.position AS Position FROM survey_questions q JOIN surveys s ON s.id = q.survey_id
            WHERE q.id = @QuestionId AND q.survey_id = @SurveyId AND s.status = 'draft'
            """;
        // The next question in that direction, not the next number: a deleted question leaves a gap in the numbers.
        const string neighbour = """
            SELECT id AS Id, position AS Position FROM survey_questions
            WHERE page_id = @PageId AND ((@Up AND position < @Position) OR (NOT @Up AND position > @Position))
            ORDER BY CASE WHEN @Up THEN -position ELSE position END
            LIMIT 1
            """;
        const string setPosition = "UPDATE survey_questions SET position = @Position WHERE id = @Id";
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var current = await connection.QuerySingleOrDefaultAsync<(long PageId, long Position)>(find, new { SurveyId = surveyId, QuestionId = questionId }, transaction);
        if (current.PageId == 0)
        {
            return await MissingOrWrongStateAsync(connection, surveyId, transaction);
        }

        var other = await connection.QuerySingleOrDefaultAsync<(long Id, long Position)>(neighbour, new { current.PageId, current.Position, Up = direction < 0 }, transaction);
        if (other.Id != 0)
        {
            // Through a free position, since (page_id, position) is UNIQUE at every step.
            await connection.ExecuteAsync(setPosition, new { Id = questionId, Position = int.MaxValue }, transaction);
            await connection.ExecuteAsync(setPosition, new { other.Id, current.Position }, transaction);
            await connection.ExecuteAsync(setPosition, new { Id = questionId, other.Position }, transaction);
            await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Move, AdminTarget.SurveyQuestion(surveyId, questionId),
                direction < 0 ? "up" : "down");
        }

        transaction.Commit();
        return BuilderResult.Ok(questionId);
    }

    /// <summary>Shows the target page or question only when an earlier question's answer matches.</summary>
    public async Task<BuilderResult> AddConditionAsync(long surveyId, long? pageId, long? questionId, long sourceQuestionId, ConditionOperator op,
        string item, IReadOnlyList<string> values, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string insert = """
            INSERT INTO survey_conditions (survey_id, page_id, question_id, source_question_id, operator, item, values_json)
            VALUES (@SurveyId, @PageId, @QuestionId, @Source, @Operator, @Item, @Values)
            RETURNING id
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var definition = await SurveyStore.LoadAsync(connection, transaction, surveyId);
        if (definition is null)
        {
            return BuilderResult.NotFound;
        }

        if (definition.Survey.Status != SurveyStatus.Draft)
        {
            return BuilderResult.WrongState;
        }

        // The source must come before the target: conditions look back, never forward.
        var order = definition.OrderedQuestions().Select((q, i) => (q, i)).ToDictionary(x => x.q.Id, x => x.i);
        var source = definition.Find(sourceQuestionId);
        var sourcePage = source is null ? null : definition.Pages.First(p => p.Id == source.PageId);
        var valid = source is { TakesAnswer: true } && (pageId, questionId) switch
        {
            ({ } p, null) => definition.Pages.FirstOrDefault(x => x.Id == p) is { } page && sourcePage!.Position < page.Position,
            (null, { } q) => order.TryGetValue(q, out var targetIndex) && order[sourceQuestionId] < targetIndex,
            _ => false,
        };
        if (!valid)
        {
            return BuilderResult.Invalid(Problems.ConditionSource);
        }

        if (definition.Conditions.Any(c => c.PageId == pageId && c.QuestionId == questionId && c.SourceQuestionId == sourceQuestionId
                && c.Operator == op && c.Item == item && c.Values.Order(StringComparer.Ordinal).SequenceEqual(values.Order(StringComparer.Ordinal))))
        {
            return BuilderResult.Invalid(Problems.ConditionTwice);
        }

        var id = await connection.ExecuteScalarAsync<long>(insert, new
        {
            SurveyId = surveyId,
            PageId = pageId,
            QuestionId = questionId,
            Source = sourceQuestionId,
            Operator = op.ToText(),
            Item = item,
            Values = JsonSerializer.Serialize(values),
        }, transaction);
        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Create, AdminTarget.SurveyCondition(surveyId, id), source!.Text);
        transaction.Commit();
        return BuilderResult.Ok(id);
    }

    public async Task<BuilderResult> DeleteConditionAsync(long surveyId, long conditionId, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            DELETE FROM survey_conditions
            WHERE id = @Id AND survey_id = @SurveyId AND EXISTS (SELECT 1 FROM surveys WHERE id = @SurveyId AND status = 'draft')
            """;
        return await ChangeAsync(surveyId, sql, new { Id = conditionId, SurveyId = surveyId }, null,
            new Logged(actor, AdminActions.Delete, AdminTarget.SurveyCondition(surveyId, conditionId)), cancellationToken);
    }

    /// <summary>Draft to open; a survey needs at least one question that takes an answer.</summary>
    public async Task<BuilderResult> OpenAsync(long surveyId, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE surveys SET status = 'open', updated_at = @Now
            WHERE id = @Id AND status = 'draft'
              AND EXISTS (SELECT 1 FROM survey_questions WHERE survey_id = @Id AND kind <> 'info')
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        if (await connection.ExecuteAsync(sql, new { Id = surveyId, Now = clock.GetUtcNow() }, transaction) == 1)
        {
            await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Open, AdminTarget.Survey(surveyId), await TitleAsync(connection, transaction, surveyId));
            transaction.Commit();
            return BuilderResult.Ok(surveyId);
        }

        var status = await connection.ExecuteScalarAsync<string?>("SELECT status FROM surveys WHERE id = @Id", new { Id = surveyId }, transaction);
        return status switch
        {
            null => BuilderResult.NotFound,
            "draft" => BuilderResult.Invalid(Problems.NoQuestions),
            _ => BuilderResult.WrongState,
        };
    }

    /// <summary>Open to closed; the results are computed at once.</summary>
    public async Task<BuilderResult> CloseAsync(long surveyId, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        var result = await TransitionAsync(surveyId, "open", "closed", new Logged(actor, AdminActions.Close, AdminTarget.Survey(surveyId)), cancellationToken);
        if (result.Succeeded)
        {
            resultsSignal.SurveyClosed(surveyId);
        }

        return result;
    }

    /// <summary>A draft or a closed survey goes to the archive (an open one must be closed first).</summary>
    public async Task<BuilderResult> ArchiveAsync(long surveyId, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string sql = "UPDATE surveys SET status = 'archived', updated_at = @Now WHERE id = @Id AND status IN ('draft', 'closed')";
        return await ChangeAsync(surveyId, sql, new { Id = surveyId, Now = clock.GetUtcNow() }, surveyId,
            new Logged(actor, AdminActions.Archive, AdminTarget.Survey(surveyId)), cancellationToken);
    }

    public async Task<BuilderResult> PublishResultsAsync(long surveyId, bool published, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE surveys SET results_published = @Published, updated_at = @Now
            WHERE id = @Id AND status IN ('closed', 'archived')
            """;
        return await ChangeAsync(surveyId, sql, new { Id = surveyId, Published = published ? 1 : 0, Now = clock.GetUtcNow() }, surveyId,
            new Logged(actor, published ? AdminActions.PublishResults : AdminActions.UnpublishResults, AdminTarget.Survey(surveyId)), cancellationToken);
    }

    /// <summary>Chooses which free-text answers appear on the public results page.</summary>
    public async Task<BuilderResult> PublishTextAsync(long surveyId, long questionId, long responseId, bool published, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE survey_answers SET published = @Published
            WHERE response_id = @ResponseId AND question_id = @QuestionId AND item = ''
              AND question_id IN (SELECT id FROM survey_questions WHERE survey_id = @SurveyId AND kind IN ('short_text', 'long_text'))
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        if (await connection.ExecuteAsync(sql, new { SurveyId = surveyId, QuestionId = questionId, ResponseId = responseId, Published = published ? 1 : 0 }, transaction) != 1)
        {
            return BuilderResult.NotFound;
        }

        // The answer is named by its question and response number only: its text is a citizen's, and stays in the survey.
        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), published ? AdminActions.PublishText : AdminActions.UnpublishText,
            AdminTarget.SurveyQuestion(surveyId, questionId), string.Create(CultureInfo.InvariantCulture, $"#{responseId}"));
        transaction.Commit();
        return BuilderResult.Ok();
    }

    /// <summary>A new draft with the same settings, pages, questions and conditions (no responses, no codes).</summary>
    public async Task<BuilderResult> DuplicateAsync(long surveyId, string titlePrefix, StaffActor? actor = null, CancellationToken cancellationToken = default)
    {
        const string insertSurvey = """
            INSERT INTO surveys (title, introduction, municipality_id, opens_at, closes_at, mode, anonymous, thank_you, created_at, updated_at)
            SELECT substr(@Prefix || title, 1, 200), introduction, municipality_id, NULL, NULL, mode, anonymous, thank_you, @Now, @Now
            FROM surveys WHERE id = @Id
            RETURNING id
            """;
        const string insertPage = "INSERT INTO survey_pages (survey_id, position, title, condition_mode) VALUES (@SurveyId, @Position, @Title, @Mode) RETURNING id";
        const string insertQuestion = """
            INSERT INTO survey_questions (survey_id, page_id, position, kind, text, help, required, settings_json, condition_mode)
            VALUES (@SurveyId, @PageId, @Position, @Kind, @Text, @Help, @Required, @Settings, @Mode)
            RETURNING id
            """;
        const string insertCondition = """
            INSERT INTO survey_conditions (survey_id, page_id, question_id, source_question_id, operator, item, values_json)
            VALUES (@SurveyId, @PageId, @QuestionId, @Source, @Operator, @Item, @Values)
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var definition = await SurveyStore.LoadAsync(connection, transaction, surveyId);
        if (definition is null)
        {
            return BuilderResult.NotFound;
        }

        var copyId = await connection.ExecuteScalarAsync<long>(insertSurvey, new { Id = surveyId, Prefix = titlePrefix, Now = clock.GetUtcNow() }, transaction);
        var pageIds = new Dictionary<long, long>();
        var questionIds = new Dictionary<long, long>();
        foreach (var page in definition.Pages)
        {
            pageIds[page.Id] = await connection.ExecuteScalarAsync<long>(insertPage,
                new { SurveyId = copyId, page.Position, page.Title, Mode = page.ConditionMode.ToText() }, transaction);
        }

        foreach (var question in definition.Questions)
        {
            questionIds[question.Id] = await connection.ExecuteScalarAsync<long>(insertQuestion, new
            {
                SurveyId = copyId,
                PageId = pageIds[question.PageId],
                question.Position,
                Kind = question.Kind.ToText(),
                question.Text,
                question.Help,
                Required = question.Required ? 1 : 0,
                Settings = question.Settings.ToJson(),
                Mode = question.ConditionMode.ToText(),
            }, transaction);
        }

        foreach (var condition in definition.Conditions)
        {
            await connection.ExecuteAsync(insertCondition, new
            {
                SurveyId = copyId,
                PageId = condition.PageId is { } p ? pageIds[p] : (long?)null,
                QuestionId = condition.QuestionId is { } q ? questionIds[q] : (long?)null,
                Source = questionIds[condition.SourceQuestionId],
                Operator = condition.Operator.ToText(),
                condition.Item,
                Values = JsonSerializer.Serialize(condition.Values),
            }, transaction);
        }

        await AdminLog.WriteAsync(connection, transaction, actor, clock.GetUtcNow(), AdminActions.Duplicate, AdminTarget.Survey(copyId),
            string.Create(CultureInfo.InvariantCulture, $"#{surveyId} {definition.Survey.Title}"));
        transaction.Commit();
        return BuilderResult.Ok(copyId);
    }

    /// <summary>Why a question's settings cannot be saved, or null.</summary>
    public static string? Check(QuestionInput input)
    {
        var s = input.Settings;
        // Two labels that differ only in case or spaces are two answers nobody can tell apart.
        static bool UniqueLabels(IReadOnlyCollection<string> labels) =>
            labels.Select(label => label.Trim()).Distinct(StringComparer.CurrentCultureIgnoreCase).Count() == labels.Count;
        static bool Distinct(List<Choice> choices) =>
            choices.All(c => c.Key.Length > 0 && c.Label.Trim().Length > 0 && c.Key != QuestionSettings.OtherItem)
            && choices.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() == choices.Count
            && UniqueLabels(choices.Select(c => c.Label).ToList());

        return input.Kind switch
        {
            QuestionKind.Single or QuestionKind.Dropdown or QuestionKind.Ranking when s.Options.Count < 2 || !Distinct(s.Options) => Problems.Options,
            QuestionKind.Multiple when s.Options.Count < 1 || !Distinct(s.Options) => Problems.Options,
            QuestionKind.Multiple when s.MinSelections < 0 || s.MaxSelections < 1 || s.MinSelections > s.MaxSelections
                || s.MinSelections > s.Options.Count + (s.AllowOther ? 1 : 0) => Problems.Selections,
            QuestionKind.Rating when s.ScaleMax is not (5 or 10) => Problems.Scale,
            QuestionKind.Matrix when s.Rows.Count < 1 || !Distinct(s.Rows) => Problems.Rows,
            QuestionKind.Matrix when s.Scale.Count is < 2 or > 11 || s.Scale.Any(string.IsNullOrWhiteSpace)
                || !UniqueLabels(s.Scale) => Problems.Scale,
            QuestionKind.Number when s.Min > s.Max => Problems.Range,
            QuestionKind.ShortText or QuestionKind.LongText when s.MaxLength is < 1 or > AnswerValidator.LongTextMax => Problems.Range,
            _ => null,
        };
    }

    /// <summary>One statement whose WHERE clause checks the survey's state; no change means missing or wrong state.</summary>
    private async Task<BuilderResult> ChangeAsync(long surveyId, string sql, object parameters, long? id, Logged logged, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var deletedText = logged.DetailsBefore is { } before ? await connection.ExecuteScalarAsync<string?>(before, parameters, transaction) : null;
        if (await connection.ExecuteAsync(sql, parameters, transaction) != 1)
        {
            // A change to the survey itself that finds it in another state (closing a draft) is in the wrong state.
            return await MissingOrWrongStateAsync(connection, surveyId, transaction, partOfSurvey: logged.Target.Type != AdminTargets.Survey);
        }

        // A deletion names what it deleted (read above, before it was gone); a change to the survey itself names it by
        // its title (as it is after the change).
        var details = logged.Details ?? deletedText ?? (logged.Target.Type == AdminTargets.Survey ? await TitleAsync(connection, transaction, surveyId) : null);
        await AdminLog.WriteAsync(connection, transaction, logged.Actor, clock.GetUtcNow(), logged.Action, logged.Target, details);
        transaction.Commit();
        return BuilderResult.Ok(id);
    }

    private async Task<BuilderResult> TransitionAsync(long surveyId, string from, string to, Logged logged, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE surveys SET status = @To, updated_at = @Now WHERE id = @Id AND status = @From";
        return await ChangeAsync(surveyId, sql, new { Id = surveyId, From = from, To = to, Now = clock.GetUtcNow() }, surveyId, logged, cancellationToken);
    }

    private static Task<string?> TitleAsync(SqliteConnection connection, SqliteTransaction transaction, long surveyId) =>
        connection.ExecuteScalarAsync<string?>("SELECT title AS Title FROM surveys WHERE id = @Id", new { Id = surveyId }, transaction);

    /// <summary>The admin log entry a one-statement change writes when it changed its row.</summary>
    /// <remarks><paramref name="DetailsBefore"/>: a query, with the change's parameters, for the details as they are before it.</remarks>
    private sealed record Logged(StaffActor? Actor, string Action, AdminTarget Target, string? Details = null, string? DetailsBefore = null);

    private const string PageTitleSql = "SELECT title FROM survey_pages WHERE id = @PageId AND survey_id = @SurveyId";

    private const string QuestionTextSql = "SELECT text FROM survey_questions WHERE id = @QuestionId AND survey_id = @SurveyId";

    /// <summary>
    /// Why a change found no row: no such survey, or a survey in a state that does not allow it. A change to a part of a
    /// draft (page, question, condition) that found nothing is about a part that is not there: not found as well.
    /// </summary>
    private static async Task<BuilderResult> MissingOrWrongStateAsync(SqliteConnection connection, long surveyId, SqliteTransaction? transaction = null,
        bool partOfSurvey = true)
    {
        var status = await connection.ExecuteScalarAsync<string?>("SELECT status FROM surveys WHERE id = @Id", new { Id = surveyId }, transaction);
        return status switch
        {
            null => BuilderResult.NotFound,
            "draft" when partOfSurvey => BuilderResult.NotFound,
            _ => BuilderResult.WrongState,
        };
    }

    private object Parameters(SurveyInput input) => new
    {
        Title = input.Title.Trim(),
        Introduction = input.Introduction.Trim(),
        input.MunicipalityId,
        input.OpensAt,
        input.ClosesAt,
        Mode = input.Mode.ToText(),
        Anonymous = input.Anonymous ? 1 : 0,
        ThankYou = input.ThankYou.Trim(),
        Now = clock.GetUtcNow(),
    };

    private static DynamicParameters QuestionParameters(QuestionInput input, long surveyId) => new DynamicParameters(new
    {
        SurveyId = surveyId,
        Kind = input.Kind.ToText(),
        Text = input.Text.Trim(),
        Help = input.Help.Trim(),
        Required = input.Required && input.Kind != QuestionKind.Info ? 1 : 0,
        Settings = input.Settings.ToJson(),
        ConditionMode = input.ConditionMode.ToText(),
    });
}

internal static class DynamicParametersExtensions
{
    public static DynamicParameters With(this DynamicParameters parameters, string name, object? value)
    {
        parameters.Add(name, value);
        return parameters;
    }
}
