package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.Account;
import dev.ferry.simulator.heroku.domain.ApiToken;

/** The authenticated account behind a request and the token it used. */
public record Caller(Account account, ApiToken token) {}
