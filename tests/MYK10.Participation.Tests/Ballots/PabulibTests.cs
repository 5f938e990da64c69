using MYK10.Participation.Ballots;

namespace MYK10.Participation.Tests.Ballots;

public sealed class PabulibTests
{
    internal const string Approval = """
        META
        key;value
        description;Bürgerbudget Andernach 2026
        country;Germany
        unit;Andernach
        num_projects;3
        num_votes;4
        budget;100
        vote_type;approval
        rule;greedy
        PROJECTS
        project_id;cost;votes;name
        p1;50;3;Trinkwasserbrunnen am Rheinufer
        p2;50;2;"Sitzbänke; barrierefrei"
        p3;50;2;Fahrradbügel am Bahnhof
        VOTES
        voter_id;vote
        v1;p1,p2
        v2;p1,p2
        v3;p1,p3
        v4;p3
        """;

    private static PbFile Read(string text) => Pabulib.Read(new StringReader(text));

    private static PbFormatException Refused(string text) => Assert.Throws<PbFormatException>(() => Read(text));

    [Fact]
    public void Read_Approval_GivesMetaProjectsAndVotes()
    {
        var file = Read(Approval);

        Assert.Equal("approval", file.VoteType);
        Assert.Equal(100, file.Budget);
        Assert.Equal("Bürgerbudget Andernach 2026", file.MetaValue("description"));
        Assert.Equal(["p1", "p2", "p3"], file.Projects.Select(p => p.Id));
        Assert.Equal("Sitzbänke; barrierefrei", file.Projects[1].Name);
        Assert.Equal(50, file.Projects[2].Cost);
        Assert.Equal(["p1", "p3"], file.Votes[2].ProjectIds);
    }

    [Fact]
    public void Read_Cumulative_ReadsPoints_AndOrdinal_KeepsOrder()
    {
        var cumulative = Read("""
            META
            key;value
            budget;1000
            vote_type;cumulative
            PROJECTS
            project_id;cost
            1;400
            2;600
            VOTES
            voter_id;vote;points
            1;2,1;7,3
            """);
        Assert.Equal([7L, 3], cumulative.Votes[0].Points!);

        var ordinal = Read("""
            META
            key;value
            budget;0
            vote_type;ordinal
            PROJECTS
            project_id;cost;name
            a;0;A
            b;0;B
            VOTES
            voter_id;vote
            1;b,a
            """);
        Assert.Equal(["b", "a"], ordinal.Votes[0].ProjectIds);
    }

    [Fact]
    public void WriteThenRead_GivesTheSameFile()
    {
        var file = Read(Approval);

        var again = Read(Pabulib.Write(file));

        Assert.Equal(file.Meta, again.Meta);
        Assert.Equal(file.Projects, again.Projects);
        Assert.Equal(file.Votes.Select(v => (v.VoterId, string.Join(',', v.ProjectIds))), again.Votes.Select(v => (v.VoterId, string.Join(',', v.ProjectIds))));
    }

    [Fact]
    public void MissingVotesSection_IsRefusedAtTheEnd()
    {
        var text = Approval[..Approval.IndexOf("VOTES", StringComparison.Ordinal)];
        var error = Refused(text);

        Assert.Contains("section VOTES is missing", error.Message, StringComparison.Ordinal);
        Assert.Equal(text.Split('\n').Length, error.Line);
    }

    [Fact]
    public void MissingMetaSection_IsRefusedOnLineOne()
    {
        var error = Refused(Approval[Approval.IndexOf("PROJECTS", StringComparison.Ordinal)..]);

        Assert.Equal(1, error.Line);
        Assert.StartsWith("line 1: expected section META", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProjectInAVote_IsRefusedNamingTheLine()
    {
        var error = Refused(Approval.Replace("v3;p1,p3", "v3;p1,p9", StringComparison.Ordinal));

        Assert.Equal(20, error.Line);
        Assert.Equal("line 20: vote of voter v3 names project 'p9', which is not in PROJECTS", error.Message);
    }

    [Theory]
    [InlineData("p2;50;2;", "p2;fünfzig;2;", 14, "cost 'fünfzig' of project p2 is not a whole non-negative number")]
    [InlineData("p2;50;2;", "p2;12.5;2;", 14, "cost '12.5' of project p2 is not a whole non-negative number")]
    [InlineData("p2;50;2;", "p2;-5;2;", 14, "cost '-5' of project p2 is not a whole non-negative number")]
    [InlineData("budget;100", "budget;viel", 8, "budget 'viel' is not a whole non-negative number")]
    [InlineData("vote_type;approval", "vote_type;scoring", 9, "vote_type 'scoring' is not supported (use approval, cumulative, ordinal or choose-1)")]
    [InlineData("num_votes;4", "num_votes;5", 7, "num_votes is 5, but the file has 4")]
    [InlineData("p3;50;2;Fahrradbügel am Bahnhof", "p1;50;2;Fahrradbügel am Bahnhof", 15, "project_id 'p1' appears twice")]
    [InlineData("v4;p3", "v1;p3", 21, "voter_id 'v1' appears twice")]
    [InlineData("v4;p3", "v4;p3,p3", 21, "vote of voter v4 names a project twice")]
    [InlineData("v4;p3", "v4;p3;extra", 21, "expected 2 fields as in the VOTES header, found 3")]
    [InlineData("project_id;cost;votes;name", "id;cost;votes;name", 12, "the PROJECTS header has no 'project_id' column")]
    public void MalformedFile_IsRefusedNamingTheLine(string find, string replace, int line, string problem)
    {
        var error = Refused(Approval.Replace(find, replace, StringComparison.Ordinal));

        Assert.Equal(line, error.Line);
        Assert.Equal(problem, error.Problem);
        Assert.Equal($"line {line}: {problem}", error.Message);
    }

    [Fact]
    public void Cumulative_PointsNotMatchingProjects_IsRefused()
    {
        var error = Refused("""
            META
            key;value
            budget;10
            vote_type;cumulative
            PROJECTS
            project_id;cost
            1;4
            2;6
            VOTES
            voter_id;vote;points
            1;1,2;3
            """);

        Assert.Equal("line 11: voter 1 has 2 projects but 1 points", error.Message);
    }

    [Fact]
    public void ChooseOne_WithTwoProjects_IsRefused()
    {
        var error = Refused(Approval.Replace("approval", "choose-1", StringComparison.Ordinal));

        Assert.Equal(18, error.Line);
    }

    [Fact]
    public void EmptyFile_IsRefused()
    {
        Assert.Equal("line 1: section META is missing (end of file reached)", Refused("").Message);
    }
}
