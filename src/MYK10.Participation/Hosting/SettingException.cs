namespace MYK10.Participation.Hosting;

/// <summary>Start-up must stop: a setting holds a value the site cannot work with. The message names the setting and what it takes.</summary>
public sealed class SettingException : Exception
{
    public SettingException(string message) : base(message)
    {
    }

    public SettingException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public SettingException()
    {
    }
}
