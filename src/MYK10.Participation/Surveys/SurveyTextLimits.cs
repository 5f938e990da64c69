namespace MYK10.Participation.Surveys;

/// <summary>The longest texts the survey tables accept (their CHECK constraints in sql/0030_surveys.sql).</summary>
public static class SurveyTextLimits
{
    public const int Title = 200;
    public const int Introduction = 4000;
    public const int ThankYou = 4000;
    public const int PageTitle = 200;
    public const int QuestionText = 2000;
    public const int QuestionHelp = 2000;
}
