namespace MYK10.Participation.Data;

/// <summary>Start-up must stop: the database and the migration files disagree.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException(string message) : base(message)
    {
    }

    public MigrationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public MigrationException()
    {
    }
}
