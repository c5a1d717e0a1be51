package dev.ferry.simulator.heroku.service;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Cuts a list into the page a {@code Range} header asks for, the way Heroku's lists do. */
public final class Paginator {

    private Paginator() {}

    /**
     * Sorts, bounds and truncates the items.
     *
     * @param rangeHeader the request's {@code Range} header, or null
     * @param fields sortable fields, the first being the default
     */
    public static <T> Page<T> paginate(List<T> items, String rangeHeader, List<RangeField<T>> fields) {
        List<String> names = fields.stream().map(RangeField::name).toList();
        RangeRequest range = RangeRequest.parse(rangeHeader, names);
        RangeField<T> field = fields.stream()
                .filter(f -> f.name().equals(range.field()))
                .findFirst()
                .orElseThrow();
        Function<T, String> key = field.key();
        Comparator<String> ascending =
                field.numeric() ? Comparator.comparing(Paginator::number) : Comparator.naturalOrder();
        Comparator<String> order = range.descending() ? ascending.reversed() : ascending;
        List<T> selected = items.stream()
                .filter(item -> afterStart(order, key.apply(item), range))
                .filter(item -> beforeEnd(order, key.apply(item), range))
                .sorted(Comparator.comparing(key, order))
                .toList();
        List<T> page = selected.subList(0, Math.min(range.max(), selected.size()));
        String first = page.isEmpty() ? "" : key.apply(page.get(0));
        String last = page.isEmpty() ? "" : key.apply(page.get(page.size() - 1));
        String contentRange = range.field() + " " + first + ".." + last + "; max=" + range.max();
        String nextRange = selected.size() > page.size() ? range.next(last) : null;
        return new Page<>(page, nextRange, contentRange, String.join(", ", names));
    }

    private static Long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid `Range` header: " + value + " is not a number.");
        }
    }

    private static boolean afterStart(Comparator<String> order, String value, RangeRequest range) {
        if (range.start() == null) {
            return true;
        }
        int cmp = order.compare(value, range.start());
        return range.startExclusive() ? cmp > 0 : cmp >= 0;
    }

    private static boolean beforeEnd(Comparator<String> order, String value, RangeRequest range) {
        return range.end() == null || order.compare(value, range.end()) <= 0;
    }
}
