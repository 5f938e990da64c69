namespace MYK10.Participation.Web.Tests.Infrastructure;

public static class TestPasswords
{
    public const string Staff = "Vordereifel-Rathaus-2026";
}
