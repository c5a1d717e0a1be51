package dev.ferry.inventory.service;

import dev.ferry.events.inventory.PipelineCoupling;
import dev.ferry.events.inventory.PostgresInfo;
import dev.ferry.events.inventory.PrivateSpace;
import dev.ferry.events.inventory.RedisInfo;
import dev.ferry.events.inventory.Team;
import dev.ferry.inventory.client.HerokuDtos;
import java.util.List;
import java.util.Map;

/**
 * What account-wide lists told a discovery, so per-app reads can skip their own calls: add-ons and
 * their attachments, pipeline couplings, spaces, dyno sizes, and Data API facts per add-on id.
 *
 * @param attachmentsByApp app id to the attachments exposing add-ons to it
 * @param attachedAppsByAddOn add-on id to the names of every app it is attached to, sorted
 * @param couplingByApp app id to its pipeline coupling
 * @param pipelines pipeline id to the pipeline event (couplings by app name)
 * @param spaces space name to the space event
 */
public record AccountFacts(
        HerokuDtos.Account account,
        List<Team> teams,
        Map<String, HerokuDtos.AddOn> addOnsById,
        Map<String, List<HerokuDtos.Attachment>> attachmentsByApp,
        Map<String, List<String>> attachedAppsByAddOn,
        Map<String, PipelineCoupling> couplingByApp,
        Map<String, dev.ferry.events.inventory.Pipeline> pipelines,
        Map<String, PrivateSpace> spaces,
        List<HerokuDtos.DynoSize> dynoSizes,
        Map<String, PostgresInfo> postgres,
        Map<String, RedisInfo> redis) {}
