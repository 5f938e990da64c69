using Microsoft.Data.Sqlite;
using MYK10.Participation.Administration;
using MYK10.Participation.Ballots;
using MYK10.Participation.Digests;
using MYK10.Participation.Moderation;
using MYK10.Participation.Privacy;
using MYK10.Participation.Staff;
using MYK10.Participation.Strategy;
using MYK10.Participation.Surveys;
using MYK10.Participation.Tests.Infrastructure;
using MYK10.Participation.Tests.Surveys;

namespace MYK10.Participation.Tests.Administration;

public sealed class AdminLogTests
{
    [Fact]
    public async Task SurveyActions_EachWriteOneEntry_WithActorActionAndTarget()
    {
        await using var app = await SurveyApp.StartAsync();
        var actor = await app.ModeratorAsync("admin@kvmyk.de");
        var builder = app.Get<SurveyBuilder>();

        var id = await app.LoggedAsync(actor, AdminActions.Create, AdminTargets.Survey,
            () => builder.CreateAsync(new SurveyInput("Radwege im Kreis", "", "kreis", null, null, SurveyMode.Open, true, ""), actor));
        var page = (await app.Get<SurveyStore>().LoadAsync(id))!.Pages[0].Id;
        var question = (await app.LoggedAsync(actor, AdminActions.Create, AdminTargets.SurveyQuestion,
            () => builder.AddQuestionAsync(id, page, new QuestionInput(QuestionKind.ShortText, "Wo fehlt ein Radweg?", "", true, new QuestionSettings()), actor))).Id!.Value;
        await app.LoggedAsync(actor, AdminActions.Open, AdminTargets.Survey, () => builder.OpenAsync(id, actor));
        await app.LoggedAsync(actor, AdminActions.GenerateCodes, AdminTargets.Survey, () => app.Get<InvitationCodes>().GenerateAsync(id, 3, actor));
        await app.LoggedAsync(actor, AdminActions.Close, AdminTargets.Survey, () => builder.CloseAsync(id, actor));
        await app.LoggedAsync(actor, AdminActions.Archive, AdminTargets.Survey, () => builder.ArchiveAsync(id, actor));

        var entries = await app.AdminLogAsync();
        var close = entries.Single(e => e.Action == AdminActions.Close);
        Assert.Equal((id, "Radwege im Kreis", actor.Id, actor.Email), (close.TargetId, close.Details, close.StaffId, close.StaffEmail));
        var created = entries.Single(e => e.TargetType == AdminTargets.SurveyQuestion);
        Assert.Equal((question, id), (created.TargetId, created.ParentId));
        Assert.Equal("3", entries.Single(e => e.Action == AdminActions.GenerateCodes).Details);
    }

    [Fact]
    public async Task AnActionWithoutAnActor_IsLoggedForTheActingStaffMember_AndOutsideARequestForTheCommandLine()
    {
        await using var app = await SurveyApp.StartAsync();
        var actor = await app.ModeratorAsync("admin@kvmyk.de");
        var builder = app.Get<SurveyBuilder>();
        var input = new SurveyInput("Radwege im Kreis", "", "kreis", null, null, SurveyMode.Open, true, "");

        long inRequest;
        using (ActingStaff.Use(actor))
        {
            inRequest = await builder.CreateAsync(input);
        }

        var onCommandLine = await builder.CreateAsync(input);

        var created = (await app.AdminLogAsync()).Where(e => e.Action == AdminActions.Create && e.TargetType == AdminTargets.Survey).ToList();
        var logged = created.Single(e => e.TargetId == inRequest);
        Assert.Equal(actor.Id, logged.StaffId);
        Assert.Equal(actor.Email, logged.StaffEmail);
        Assert.Null(created.Single(e => e.TargetId == onCommandLine).StaffEmail);
        Assert.Null(ActingStaff.Member);
    }

    [Fact]
    public async Task DeletingAPageOrAQuestion_KeepsItsTitleOrTextInTheEntry()
    {
        await using var app = await SurveyApp.StartAsync();
        var actor = await app.ModeratorAsync();
        var survey = await GoldenSurvey.CreateAsync(app, open: false);
        var definition = (await app.Get<SurveyStore>().LoadAsync(survey.Id))!;
        var page = definition.Pages[^1];
        var question = definition.Questions.First(q => q.PageId != page.Id);
        var builder = app.Get<SurveyBuilder>();

        Assert.True((await builder.DeleteQuestionAsync(survey.Id, question.Id, actor)).Succeeded);
        Assert.True((await builder.DeletePageAsync(survey.Id, page.Id, actor)).Succeeded);

        var deleted = (await app.AdminLogAsync()).Where(e => e.Action == AdminActions.Delete).ToList();
        Assert.Equal(question.Text, deleted.Single(e => e.TargetType == AdminTargets.SurveyQuestion).Details);
        Assert.Equal(page.Title, deleted.Single(e => e.TargetType == AdminTargets.SurveyPage).Details);
    }

    [Fact]
    public async Task RefusedSurveyAction_WritesNoEntry()
    {
        await using var app = await SurveyApp.StartAsync();
        var actor = await app.ModeratorAsync();
        var builder = app.Get<SurveyBuilder>();
        var id = await builder.CreateAsync(new SurveyInput("Entwurf", "", "kreis", null, null, SurveyMode.Open, true, ""), actor);
        var before = (await app.AdminLogAsync()).Count;

        Assert.False((await builder.CloseAsync(id, actor)).Succeeded);
        Assert.Equal(BuilderStatus.Invalid, (await builder.OpenAsync(id, actor)).Status);

        Assert.Equal(before, (await app.AdminLogAsync()).Count);
    }

    [Fact]
    public async Task AnActionWhoseEntryCannotBeWritten_IsRolledBack()
    {
        await using var app = await SurveyApp.StartAsync();
        var builder = app.Get<SurveyBuilder>();
        var id = await builder.CreateAsync(new SurveyInput("Bleibt offen", "", "kreis", null, null, SurveyMode.Open, true, ""));
        var page = (await app.Get<SurveyStore>().LoadAsync(id))!.Pages[0].Id;
        await builder.AddQuestionAsync(id, page, new QuestionInput(QuestionKind.ShortText, "Frage", "", true, new QuestionSettings()));
        await builder.OpenAsync(id);
        var before = (await app.AdminLogAsync()).Count;
        var unknownStaff = new StaffActor(999_999, "niemand@kvmyk.de");

        // The entry's staff id breaks its foreign key: the close must not happen without its entry.
        await Assert.ThrowsAsync<SqliteException>(() => builder.CloseAsync(id, unknownStaff));

        Assert.Equal(SurveyStatus.Open, (await app.Get<SurveyStore>().FindAsync(id))!.Status);
        Assert.Equal(before, (await app.AdminLogAsync()).Count);
    }

    [Fact]
    public async Task AFailingImport_LeavesNeitherRecipientsNorEntry()
    {
        await using var app = await TestApp.StartAsync();
        var actor = await app.ModeratorAsync();
        var council = await app.CouncilAsync();
        var before = (await app.AdminLogAsync()).Count;

        // The second row breaks the name's length check after the first was inserted.
        await Assert.ThrowsAsync<SqliteException>(() => app.Get<CouncilStore>().ImportRecipientsAsync(council,
            [new RecipientRow("Anna Alt", "anna@andernach.de"), new RecipientRow(new string('x', 200), "bert@andernach.de")], actor));

        Assert.Empty(await app.Get<CouncilStore>().RecipientsAsync(council));
        Assert.Equal(before, (await app.AdminLogAsync()).Count);
    }

    [Fact]
    public async Task VoteActions_EachWriteOneEntry()
    {
        await using var app = await TestApp.StartAsync();
        var actor = await app.ModeratorAsync();
        var votes = app.Get<VoteService>();
        var now = app.Clock.GetUtcNow();
        var draft = new VoteDraft("Was zuerst?", "Bitte wählen.", "kreis", now.AddDays(1), now.AddDays(8), VoteMethod.Approval,
            [new OptionDraft("Radweg", "", null, null), new OptionDraft("Bushaltestelle", "", null, null)], MaxChoices: 1);

        var id = (await app.LoggedAsync(actor, AdminActions.Create, AdminTargets.Vote, () => votes.CreateAsync(draft, actor))).Id!.Value;
        await app.LoggedAsync(actor, AdminActions.Update, AdminTargets.Vote, () => votes.UpdateAsync(id, draft with { Title = "Was zuerst bauen?" }, actor));
        Assert.True(await app.LoggedAsync(actor, AdminActions.Publish, AdminTargets.Vote, () => votes.PublishAsync(id, actor)));

        Assert.All(await app.AdminLogAsync(AdminTargets.Vote), e => Assert.Equal(id, e.TargetId));
        Assert.False(await votes.PublishAsync(id, actor));
        Assert.Equal(3, (await app.AdminLogAsync(AdminTargets.Vote)).Count);
    }

    [Fact]
    public async Task CouncilAndRecipientActions_EachWriteOneEntry_AndARemovedRecipientStaysNamed()
    {
        await using var app = await TestApp.StartAsync();
        var actor = await app.ModeratorAsync();
        var councils = app.Get<CouncilStore>();
        var input = new CouncilInput("Stadtrat Mayen", "mayen", Council.DefaultCron, true, false);

        var (_, council) = await app.LoggedAsync(actor, AdminActions.Create, AdminTargets.Council, () => councils.CreateAsync(input, actor));
        await app.LoggedAsync(actor, AdminActions.Update, AdminTargets.Council, () => councils.UpdateAsync(council, input with { SkipEmpty = true }, actor));
        await app.LoggedAsync(actor, AdminActions.Create, AdminTargets.CouncilRecipient, () => councils.AddRecipientAsync(council, "Clara Christ", "clara@mayen.de", actor));
        var recipient = (await councils.RecipientsAsync(council)).Single().Id;
        await app.LoggedAsync(actor, AdminActions.Deactivate, AdminTargets.CouncilRecipient, () => councils.SetRecipientActiveAsync(council, recipient, false, actor));
        await app.LoggedAsync(actor, AdminActions.Activate, AdminTargets.CouncilRecipient, () => councils.SetRecipientActiveAsync(council, recipient, true, actor));
        await app.LoggedAsync(actor, AdminActions.Import, AdminTargets.Council,
            () => councils.ImportRecipientsAsync(council, [new RecipientRow("Dora Dill", "dora@mayen.de"), new RecipientRow("Clara", "clara@mayen.de")], actor));
        Assert.True(await app.LoggedAsync(actor, AdminActions.Delete, AdminTargets.CouncilRecipient, () => councils.RemoveRecipientAsync(council, recipient, actor)));
        Assert.True(await app.LoggedAsync(actor, AdminActions.Delete, AdminTargets.Council, () => councils.DeleteAsync(council, actor)));

        var entries = await app.AdminLogAsync();
        var removed = entries.Single(e => e.Action == AdminActions.Delete && e.TargetType == AdminTargets.CouncilRecipient);
        Assert.Equal((recipient, council, "Clara Christ <clara@mayen.de>"), (removed.TargetId, removed.ParentId, removed.Details));
        Assert.Equal("dora@mayen.de", entries.Single(e => e.Action == AdminActions.Import).Details);
        Assert.False(await councils.RemoveRecipientAsync(council, recipient, actor));
        Assert.Equal(entries.Count, (await app.AdminLogAsync()).Count);
    }

    [Fact]
    public async Task StrategyActions_EachWriteOneEntry_AndAStatusChangeIsRecorded()
    {
        await using var app = await TestApp.StartAsync();
        var actor = await app.ModeratorAsync();
        var strategy = app.Get<StrategyService>();

        var goal = (await app.LoggedAsync(actor, AdminActions.Create, AdminTargets.StrategyGoal,
            () => strategy.SaveGoalAsync(null, new GoalInput("energie", "Strom vom Dach", "", 0), actor))).Id!.Value;
        await app.LoggedAsync(actor, AdminActions.Update, AdminTargets.StrategyGoal, () => strategy.SaveGoalAsync(goal, new GoalInput("energie", "Strom vom eigenen Dach", "", 0), actor));
        var measure = new MeasureInput(goal, "Solarkataster", "", null, null, null, MeasureStatuses.Discussion, [], 0, null);
        var id = (await app.LoggedAsync(actor, AdminActions.Create, AdminTargets.StrategyMeasure, () => strategy.SaveMeasureAsync(null, measure, actor))).Id!.Value;
        await app.LoggedAsync(actor, AdminActions.Update, AdminTargets.StrategyMeasure, () => strategy.SaveMeasureAsync(id, measure with { Status = "decided" }, actor));
        var phase = new PhaseInput("Beteiligung", "", "", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        var phaseId = (await app.LoggedAsync(actor, AdminActions.Create, AdminTargets.StrategyPhase, () => strategy.SavePhaseAsync(null, phase, actor))).Id!.Value;
        Assert.True(await app.LoggedAsync(actor, AdminActions.Delete, AdminTargets.StrategyPhase, () => strategy.DeletePhaseAsync(phaseId, actor)));

        var update = (await app.AdminLogAsync(AdminTargets.StrategyMeasure)).Single(e => e.Action == AdminActions.Update);
        Assert.Equal((id, """{"status":"discussion"}""", """{"status":"decided"}"""), (update.TargetId, update.BeforeJson, update.AfterJson));
        Assert.Equal("Beteiligung", (await app.AdminLogAsync(AdminTargets.StrategyPhase)).Single(e => e.Action == AdminActions.Delete).Details);
    }

    [Fact]
    public async Task SettingAndClearingTheEndOfTheParticipationPhase_EachWriteOneEntry()
    {
        await using var app = await TestApp.StartAsync();
        var actor = await app.ModeratorAsync();
        var phase = app.Get<PhaseStore>();
        var end = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        await app.LoggedAsync(actor, AdminActions.Set, AdminTargets.ParticipationPhase, async () => { await phase.SetAsync(end, actor); return 0; });
        await app.LoggedAsync(actor, AdminActions.Clear, AdminTargets.ParticipationPhase, async () => { await phase.SetAsync(null, actor); return 0; });

        var entries = await app.AdminLogAsync(AdminTargets.ParticipationPhase);
        var set = entries.Single(e => e.Action == AdminActions.Set);
        Assert.Equal(("""{"endsAt":null}""", """{"endsAt":"2027-01-01T00:00:00+00:00"}"""), (set.BeforeJson, set.AfterJson));
        Assert.Equal("""{"endsAt":"2027-01-01T00:00:00+00:00"}""", entries.Single(e => e.Action == AdminActions.Clear).BeforeJson);
    }

    [Fact]
    public async Task AddingStaffOnTheCommandLine_WritesAnEntryWithoutActor()
    {
        await using var app = await TestApp.StartAsync();

        var result = await app.Get<StaffService>().AddAsync("neu@kvmyk.de", StaffRole.Admin, "Verwaltung-Passwort-2026");

        var entry = Assert.Single(await app.AdminLogAsync(AdminTargets.Staff));
        Assert.Equal((AdminActions.Create, result.Id!.Value, (long?)null, (string?)null, "neu@kvmyk.de (admin)"),
            (entry.Action, entry.TargetId, entry.StaffId, entry.StaffEmail, entry.Details));
    }

    [Fact]
    public async Task SwitchingTheSecondFactorOnAndOff_IsRecordedWithTheStaffMemberAsActorAndTarget()
    {
        await using var app = await TestApp.StartAsync();
        var actor = await app.ModeratorAsync();
        var twoFactor = app.Get<TwoFactorService>();
        var secret = (await twoFactor.BeginEnrolmentAsync(actor.Id))!;

        Assert.True(await app.LoggedAsync(actor, AdminActions.EnableTwoFactor, AdminTargets.Staff, () => twoFactor.ConfirmEnrolmentAsync(actor.Id, twoFactor.CurrentCode(secret))));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await app.LoggedAsync(actor, AdminActions.DisableTwoFactor, AdminTargets.Staff, () => twoFactor.DisableAsync(actor.Id, twoFactor.CurrentCode(secret))));

        Assert.All((await app.AdminLogAsync(AdminTargets.Staff)).Where(e => e.StaffId is not null), e => Assert.Equal(actor.Id, e.TargetId));
    }

    [Fact]
    public async Task TheLog_RefusesUpdateAndDelete()
    {
        await using var app = await SurveyApp.StartAsync();
        var actor = await app.ModeratorAsync();
        await app.Get<SurveyBuilder>().CreateAsync(new SurveyInput("Unveränderlich", "", "kreis", null, null, SurveyMode.Open, true, ""), actor);

        var update = await Assert.ThrowsAsync<SqliteException>(() => app.ExecuteAsync("UPDATE admin_log SET staff_email = 'jemand@kvmyk.de'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => app.ExecuteAsync("DELETE FROM admin_log"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(actor.Email, Assert.Single(await app.AdminLogAsync(AdminTargets.Survey)).StaffEmail);
    }

    [Fact]
    public async Task Store_PagesNewestFirst_FiltersByKindAndPerson_AndKnowsWhetherTheTargetExists()
    {
        await using var app = await TestApp.StartAsync();
        var anna = await app.ModeratorAsync("anna@kvmyk.de");
        var bert = await app.ModeratorAsync("bert@kvmyk.de");
        var store = app.Get<AdminLogStore>();
        Assert.Empty((await store.PageAsync(new AdminLogQuery(AdminTargets.Council))).Entries);

        var councils = app.Get<CouncilStore>();
        var (_, kept) = await councils.CreateAsync(new CouncilInput("Stadtrat Bendorf", "bendorf", Council.DefaultCron, true, false), anna);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var (_, gone) = await councils.CreateAsync(new CouncilInput("Stadtrat Vallendar", "vallendar", Council.DefaultCron, true, false), bert);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await councils.DeleteAsync(gone, bert);

        var (all, total) = await store.PageAsync(new AdminLogQuery(AdminTargets.Council, PageSize: 2));
        Assert.Equal(3, total);
        Assert.Equal([AdminActions.Delete, AdminActions.Create], all.Select(e => e.Action));
        Assert.False(all[0].LinkExists);
        var (second, _) = await store.PageAsync(new AdminLogQuery(AdminTargets.Council, Page: 2, PageSize: 2));
        Assert.Equal(kept, Assert.Single(second).TargetId);
        Assert.True(second[0].LinkExists);
        var (byAnna, annaTotal) = await store.PageAsync(new AdminLogQuery(StaffEmail: "anna@kvmyk.de"));
        Assert.Equal((1, kept), (annaTotal, Assert.Single(byAnna).TargetId));
        Assert.Equal(["anna@kvmyk.de", "bert@kvmyk.de"], await store.StaffAsync());
    }
}

/// <summary>Reads the admin log in the order written, and checks that one action adds exactly one entry.</summary>
internal static class AdminLogTestData
{
    public static async Task<IReadOnlyList<AdminLogEntry>> AdminLogAsync(this TestApp app, string? targetType = null)
    {
        var (entries, total) = await app.Get<AdminLogStore>().PageAsync(new AdminLogQuery(targetType, PageSize: 200));
        Assert.True(total <= 200, "more entries than one page");
        return entries.Reverse().ToList();
    }

    /// <summary>Runs the action and asserts it added exactly one entry, by <paramref name="actor"/>, with this action and kind of target.</summary>
    public static async Task<T> LoggedAsync<T>(this TestApp app, StaffActor actor, string action, string targetType, Func<Task<T>> act)
    {
        var before = (await app.AdminLogAsync()).Count;
        var result = await act();
        var entries = await app.AdminLogAsync();
        Assert.Equal(before + 1, entries.Count);
        var entry = entries[^1];
        Assert.Equal((actor.Id, actor.Email, action, targetType), (entry.StaffId!.Value, entry.StaffEmail!, entry.Action, entry.TargetType));
        return result;
    }
}
