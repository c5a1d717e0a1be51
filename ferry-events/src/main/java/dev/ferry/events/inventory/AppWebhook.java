package dev.ferry.events.inventory;

import dev.ferry.events.secret.SealedSecret;
import java.util.List;

/** An app webhook subscription; the URL is sealed, its host shown. */
public record AppWebhook(String id, String host, SealedSecret url, List<String> include, String level) {}
