package dev.ferry.planner.domain.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhpImageTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "heroku-php-apache2 public/ | /app/public",
                "vendor/bin/heroku-php-apache2 web | /app/web",
                "heroku-php-apache2 -C apache.conf -i php.ini public | /app/public",
                "heroku-php-nginx -v docroot/ | /app/docroot",
                "heroku-php-apache2 | /app",
                "heroku-php-apache2 . | /app",
                "heroku-php-apache2 -C apache.conf | /app",
                "php -S 0.0.0.0:$PORT -t public | /app",
                "null | /app"
            })
    void theDocumentRootIsTheStartScriptsArgument(String command, String root) {
        assertThat(PhpImage.documentRoot(command)).isEqualTo(root);
    }
}
