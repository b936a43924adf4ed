package id.laporwarga.domain.port;

/**
 * Port: sends a text message to a citizen (SMS through SNS or AWS End User Messaging SMS; a WhatsApp channel may follow
 * behind the same port). Returns the provider's message id, or throws when the provider did not accept the message
 * (the caller retries).
 */
public interface CitizenMessaging {
    String sendSms(String phoneE164, String text);
}
