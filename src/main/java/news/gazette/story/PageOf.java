package news.gazette.story;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param number 1-based page number
 * @param size items per page
 * @param total items in the whole list
 */
public record PageOf<T>(List<T> items, int number, int size, long total) {

    public PageOf {
        items = List.copyOf(items);
        if (number < 1 || size < 1) {
            throw new IllegalArgumentException("page " + number + " of size " + size);
        }
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
