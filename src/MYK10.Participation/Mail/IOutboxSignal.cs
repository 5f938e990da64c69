namespace MYK10.Participation.Mail;

/// <summary>Tells the background worker that mail is waiting; call it after the transaction commits.</summary>
public interface IOutboxSignal
{
    void MailQueued();
}
